// "Notifications on this device" on /me, as a person meets it: a switch where the browser can
// do web push, plain words on an iPhone outside the installed app, nothing elsewhere; turning
// it on says when the browser refused.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '$lib/i18n';
import PushSwitch from './PushSwitch.svelte';

const push = vi.hoisted(() => ({
  support: 'yes' as 'yes' | 'ios-app-only' | 'no',
  enabled: false,
  enable: vi.fn(async (): Promise<string> => 'on'),
  disable: vi.fn(async () => undefined),
}));
vi.mock('$lib/pwa/push', () => ({
  pushSupport: () => push.support,
  pushBlocked: () => false,
  pushEnabled: async () => push.enabled,
  enablePush: push.enable,
  disablePush: push.disable,
}));

beforeEach(() => {
  push.support = 'yes';
  push.enabled = false;
  push.enable.mockReset();
  push.disable.mockClear();
  setLocale('en', { reload: false });
});

describe('PushSwitch', () => {
  it('turns notifications on and off', async () => {
    push.enable.mockResolvedValue('on');
    render(PushSwitch);
    const toggle = screen.getByRole('switch', { name: 'Notifications on this device' });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();
    await fireEvent.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(push.enable).toHaveBeenCalledOnce();
    await fireEvent.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(push.disable).toHaveBeenCalledOnce();
  });

  it('says when the browser refused, and stays off', async () => {
    push.enable.mockResolvedValue('denied');
    setLocale('sv', { reload: false });
    render(PushSwitch);
    const toggle = screen.getByRole('switch', { name: 'Aviseringar på den här enheten' });
    await waitFor(() => expect(toggle).toBeEnabled());
    await fireEvent.click(toggle);
    expect(await screen.findByRole('alert')).toHaveTextContent('blockerade');
    expect(toggle).not.toBeChecked();
  });

  it('tells an iPhone user that only the installed app gets notifications', () => {
    push.support = 'ios-app-only';
    render(PushSwitch);
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.getByText(/only in the installed app/)).toBeInTheDocument();
  });

  it('shows nothing where the browser has no web push', () => {
    push.support = 'no';
    render(PushSwitch);
    expect(screen.queryByText('Notifications on this device')).toBeNull();
  });
});
