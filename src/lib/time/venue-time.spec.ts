import { describe, expect, it } from 'vitest';
import { formatTime, formatDayHeading } from './venue-time';
import { dayOf, fromStored } from './venue-clock';

describe('venue time', () => {
  it('parses PocketBase dates (space, UTC) to the right instant', () => {
    expect(fromStored('2026-11-28 07:00:00.000Z').toISOString()).toBe('2026-11-28T07:00:00.000Z');
  });

  it.each([
    // winter: UTC+1
    ['2026-11-28 07:00:00.000Z', '08:00', '2026-11-28'],
    // summer: UTC+2
    ['2026-06-10 06:00:00.000Z', '08:00', '2026-06-10'],
    // late evening UTC is already the next day in Stockholm
    ['2026-06-10 22:30:00.000Z', '00:30', '2026-06-11'],
  ])('shows %s as %s on %s in Stockholm', (stored, time, day) => {
    const date = fromStored(stored);
    expect(formatTime(date, 'sv')).toBe(time);
    expect(dayOf(date)).toBe(day);
  });

  it('names the day in Swedish and English', () => {
    const date = fromStored('2026-11-30 08:00:00.000Z');
    expect(formatDayHeading(date, 'sv')).toBe('måndag 30 november');
    expect(formatDayHeading(date, 'en')).toBe('Monday 30 November');
  });
});

describe('how long ago', () => {
  it('says minutes, hours and days in both languages', async () => {
    const { formatAgo } = await import('./venue-time');
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(formatAgo(now - 5 * 60_000, now, 'sv')).toBe('för 5 minuter sedan');
    expect(formatAgo(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatAgo(now - 3 * 3600_000, now, 'en')).toBe('3 hours ago');
    expect(formatAgo(now - 3 * 86400_000, now, 'sv')).toBe('för 3 dagar sedan');
  });
});
