// The host's message to the registered people: a counted, limited text, a confirmation that
// says how many get it, and the server's answer — sent, or why not — in the host's language.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '$lib/i18n';
import { messageProblem, type HostEvent, type MessageResult } from '$lib/services/host-events.service';
import HostMessage from './HostMessage.svelte';

const send = vi.hoisted(() => vi.fn(async (_id: string, _text: string): Promise<MessageResult> => ({ ok: true, value: 3 })));
vi.mock('$lib/services/host-events.service', async (original) => ({
  ...(await original<typeof import('$lib/services/host-events.service')>()),
  messageRegistered: send,
}));

const event = (fields: Partial<HostEvent> = {}) =>
  ({ id: 'event000000001', title: 'Frukost', status: 'published', updated: '2026-03-14 08:00:00.000Z', ...fields }) as HostEvent;

function show(locale: 'sv' | 'en', recipients = 3, fields: Partial<HostEvent> = {}) {
  setLocale(locale, { reload: false });
  const onsent = vi.fn();
  render(HostMessage, { event: event(fields), recipients, onsent });
  return { onsent, box: screen.getByRole('textbox') };
}

describe('HostMessage', () => {
  beforeEach(() => {
    send.mockClear();
    vi.restoreAllMocks();
  });

  it('counts the characters up to 500 and lets no more in', async () => {
    const { box } = show('sv');
    expect(box).toHaveAttribute('maxlength', '500');
    expect(box).toHaveAccessibleName('Meddelande');
    await fireEvent.input(box, { target: { value: 'Hej!' } });
    expect(screen.getByText('4 av 500 tecken')).toBeInTheDocument();
    expect(box).toHaveAccessibleDescription(/4 av 500 tecken/);
  });

  it('asks first, saying how many get it; sends only after yes, and says it was sent', async () => {
    const { box, onsent } = show('en', 3);
    await fireEvent.input(box, { target: { value: 'We are in room B today.' } });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(confirm).toHaveBeenCalledWith('Send the message to the registered people? Recipients: 3.');
    expect(send).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(send).toHaveBeenCalledWith('event000000001', 'We are in room B today.');
    expect(await screen.findByRole('status')).toHaveTextContent('Sent. Recipients: 3.');
    expect(onsent).toHaveBeenCalled();
    expect(box).toHaveValue('');
  });

  it('an empty message is refused on the spot', async () => {
    show('sv');
    const confirm = vi.spyOn(window, 'confirm');
    await fireEvent.click(screen.getByRole('button', { name: 'Skicka' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Skriv något först.');
    expect(confirm).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it("words the server's refusal, its own words when the app does not know the code", async () => {
    const { box } = show('sv');
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await fireEvent.input(box, { target: { value: 'Hej' } });
    send.mockResolvedValueOnce({ ok: false, reason: 'invalid', problem: { code: 'too_long' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Skicka' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Meddelandet får vara högst 500 tecken.');
    send.mockResolvedValueOnce({ ok: false, reason: 'invalid', problem: { code: 'server', serverCode: 'odd', message: 'Something odd.' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Skicka' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Servern tog inte emot meddelandet (Something odd.).');
  });

  it('shows the message already sent, with its venue time', () => {
    show('sv', 3, { message: 'Vi ses i rum B', message_at: '2026-03-14 08:12:00.000Z' });
    expect(screen.getByTestId('host-message-current')).toHaveTextContent('Meddelande från värden, lördag 14 mars 09:12');
    expect(screen.getByTestId('host-message-current')).toHaveTextContent('Vi ses i rum B');
  });
});

describe('messageProblem', () => {
  it.each([
    [{ data: { text: { code: 'message_empty', message: 'Write a message.' } } }, { code: 'empty' }],
    [{ data: { text: { code: 'message_too_long', message: 'Too long.' } } }, { code: 'too_long' }],
    [{ data: { text: { code: 'validation_required', message: 'Cannot be blank.' } } }, { code: 'empty' }],
    [
      { message: 'Nope.', data: { text: { code: 'weird', message: 'Weird.' } } },
      { code: 'server', serverCode: 'weird', message: 'Weird.' },
    ],
    [
      { message: 'Nope.', data: {} },
      { code: 'server', serverCode: 'invalid', message: 'Nope.' },
    ],
  ])('%j → %j', (answer, problem) => {
    expect(messageProblem(answer)).toEqual(problem);
  });
});
