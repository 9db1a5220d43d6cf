// The verdict as the person at the door sees and hears it: the words for each verdict in both
// languages, its colour, the name and reason, an announcement for screen readers, and the
// way back to scanning (a tap, the button, or the countdown).
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale, type AppLocale } from '$lib/i18n';
import type { ScanOutcome } from '$lib/services/door.service';
import VerdictScreen from './VerdictScreen.svelte';

vi.mock('$lib/state/door.svelte', () => ({ doorState: { deviceLabel: (device: string) => `door ${device}` } }));

const outcome = (fields: Partial<ScanOutcome>): ScanOutcome => ({
  id: 'scan1',
  verdict: 'admitted',
  direction: 'in',
  askedServer: false,
  ...fields,
});

function show(fields: Partial<ScanOutcome>, locale: AppLocale = 'en') {
  setLocale(locale, { reload: false });
  const onclose = vi.fn();
  const { container } = render(VerdictScreen, { outcome: outcome(fields), onclose });
  return { onclose, screen: container.querySelector<HTMLElement>('[data-verdict]')! };
}

describe('VerdictScreen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['admitted', 'in', 'en', 'Welcome!', 'good'],
    ['admitted', 'in', 'sv', 'Välkommen!', 'good'],
    ['admitted', 'out', 'en', 'Goodbye!', 'good'],
    ['admitted', 'out', 'sv', 'Hej då!', 'good'],
    ['already_in', 'in', 'en', 'Already checked in', 'warn'],
    ['already_in', 'in', 'sv', 'Redan incheckad', 'warn'],
    ['outside_window', 'in', 'en', 'Not now', 'warn'],
    ['wrong_event', 'in', 'en', 'Wrong event', 'bad'],
    ['revoked', 'in', 'sv', 'Ogiltigt kort', 'bad'],
    ['unknown', 'in', 'en', 'Unknown pass', 'bad'],
    ['invalid', 'in', 'sv', 'Ingen Coffice-kod', 'bad'],
  ] as const)('%s (%s) in %s says "%s" on %s colour, announced at once', (verdict, direction, locale, words, tone) => {
    const { screen: shown } = show({ verdict, direction }, locale);
    const announced = screen.getByRole('alert');
    expect(announced).toHaveTextContent(words);
    expect(shown).toHaveClass(tone);
    for (const other of ['good', 'warn', 'bad'].filter((t) => t !== tone)) expect(shown).not.toHaveClass(other);
  });

  it('names the holder and, for a second scan, when and where the first one was', () => {
    show({
      verdict: 'already_in',
      holderName: 'Erik Sandberg',
      firstScan: { at: '2026-11-30 08:05:00.000Z', device: 'dev1', deviceName: 'Front door' },
    });
    const announced = screen.getByRole('alert');
    expect(announced).toHaveTextContent('Erik Sandberg');
    expect(screen.getByTestId('verdict-reason')).toHaveTextContent(/^First scanned \d{1,2}[:.]\d{2}.* at Front door\.$/);
  });

  it('says in Swedish that a self check-in made the first scan', () => {
    show({ verdict: 'already_in', firstScan: { at: '2026-11-30 08:05:00.000Z', device: 'self-checkin' } }, 'sv');
    expect(screen.getByTestId('verdict-reason')).toHaveTextContent(/^Första skanningen \d{1,2}[:.]\d{2} vid självincheckning\.$/);
  });

  it('gives a refused pass its reason in both languages', () => {
    show({ verdict: 'revoked' }, 'en');
    expect(screen.getByTestId('verdict-reason')).toHaveTextContent('The pass was revoked or the event cancelled.');
  });

  it('shows no reason for a welcome', () => {
    show({ verdict: 'admitted', holderName: 'Sara Holm' });
    expect(screen.queryByTestId('verdict-reason')).not.toBeInTheDocument();
  });

  it('goes back to scanning with the button, in the screen language', () => {
    const { onclose } = show({ verdict: 'admitted' }, 'sv');
    void fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(onclose).toHaveBeenCalled();
  });

  it('counts down and goes back to scanning by itself after five seconds', async () => {
    const { onclose } = show({ verdict: 'unknown' });
    expect(screen.getByTestId('verdict-countdown')).toHaveTextContent('Scanning again in 5 s');
    await vi.advanceTimersByTimeAsync(1000);
    expect(screen.getByTestId('verdict-countdown')).toHaveTextContent('Scanning again in 4 s');
    expect(onclose).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(4000);
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
