// The notices choice on /me: three plain choices in a group a screen reader names, the
// person's stored one checked (empty = everything), saved with one button, in both languages.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '$lib/i18n';
import type { UserRecord } from '$lib/pocketbase/types';
import MailNotices from './MailNotices.svelte';

const save = vi.hoisted(() => vi.fn(async (_choice: string) => ({ ok: true }) as { ok: true } | { ok: false; reason: 'offline' }));
vi.mock('$lib/services/profile.service', () => ({ saveMailNotices: save }));

const user = (mail_notices: UserRecord['mail_notices']) => ({ id: 'user00000000001', email: 'a@b.se', mail_notices }) as UserRecord;

describe('MailNotices', () => {
  beforeEach(() => {
    save.mockClear();
    cleanup();
  });

  it('is a named group of three choices, each with its words, and the anchor mails link to', () => {
    setLocale('sv', { reload: false });
    const { container } = render(MailNotices, { user: user('') });
    const group = screen.getByRole('group', { name: 'Aviseringar via e-post' });
    expect(group).toBeInTheDocument();
    expect(container.querySelector('#notices')).not.toBeNull();
    const all = screen.getByRole('radio', { name: 'Allt, även påminnelser' });
    expect(all).toBeChecked(); // empty on the server means everything
    expect(all).toHaveAccessibleDescription(/påminnelse före varje evenemang/);
    expect(screen.getByRole('radio', { name: 'Inga (bara inloggningskoder)' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Bara det viktiga' })).toHaveAccessibleDescription(/Inga påminnelser/);
  });

  it('shows the stored choice and saves a new one, saying so', async () => {
    setLocale('en', { reload: false });
    render(MailNotices, { user: user('essential') });
    expect(screen.getByRole('radio', { name: 'Only the essentials' })).toBeChecked();
    await fireEvent.click(screen.getByRole('radio', { name: 'None (only sign-in codes)' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save the choice' }));
    expect(save).toHaveBeenCalledWith('none');
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
  });

  it('says why a save failed', async () => {
    setLocale('en', { reload: false });
    save.mockResolvedValueOnce({ ok: false, reason: 'offline' });
    render(MailNotices, { user: user('all') });
    await fireEvent.click(screen.getByRole('button', { name: 'Save the choice' }));
    expect(await screen.findByRole('alert')).not.toBeEmptyDOMElement();
  });
});
