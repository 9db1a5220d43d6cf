// Hosts see the notices the server gave up on: who did not hear what, and why, in their language.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { setLocale } from '$lib/i18n';
import type { FailedNotice } from '$lib/services/host-events.service';
import FailedNotices from './FailedNotices.svelte';

const notice = (fields: Partial<FailedNotice> = {}) =>
  ({
    id: 'notice00000001',
    kind: 'promoted',
    channel: 'mail',
    status: 'failed',
    error: '550 5.1.1 mailbox unavailable',
    updated: '2026-03-14 08:00:00.000Z',
    expand: { user: { name: 'Greta Gäst', email: 'greta@example.se' }, event: { title: 'Frukostmöte' } },
    ...fields,
  }) as FailedNotice;

describe('FailedNotices', () => {
  it('says nothing when every notice went out', () => {
    setLocale('sv', { reload: false });
    render(FailedNotices, { total: 0, items: [] });
    expect(screen.queryByTestId('failed-notices')).toBeNull();
  });

  it('names the person, what they were to hear, the event, the channel, when and why (sv)', () => {
    setLocale('sv', { reload: false });
    render(FailedNotices, { total: 1, items: [notice()] });
    expect(screen.getByRole('heading', { name: '1 utskick gick inte fram' })).toBeInTheDocument();
    const row = screen.getByRole('listitem');
    expect(row).toHaveTextContent(/Greta Gäst · plats från väntelistan · Frukostmöte · e-post · .*14 mars.*09:00/);
    expect(row).toHaveTextContent('550 5.1.1 mailbox unavailable');
  });

  it('counts in English and says how many more there are than it lists', () => {
    setLocale('en', { reload: false });
    render(FailedNotices, { total: 25, items: [notice({ channel: 'push', kind: 'message', expand: {} })] });
    expect(screen.getByRole('heading', { name: '25 notices could not be sent' })).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent(/A deleted account · message from the host · notification/);
    expect(screen.getByText('… and 24 more.')).toBeInTheDocument();
  });
});
