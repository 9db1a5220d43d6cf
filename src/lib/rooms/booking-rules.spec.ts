import { describe, expect, it } from 'vitest';
import { BOOKING_LIMITS, BOOKING_MESSAGES, bookingTimesRefusal } from './booking-rules';
import { fromVenueInputValue } from '$lib/time/venue-clock';

const at = (venueTime: string) => fromVenueInputValue(venueTime)!;
const MIN = 60_000;
const NOW = at('2026-11-30T10:10'); // a Monday morning in winter (UTC+1)

describe('bookingTimesRefusal', () => {
  it.each([
    ['an hour this afternoon', '2026-11-30T13:00', 60, NOW],
    ['one already under way (the room is taken from now on)', '2026-11-30T10:00', 30, NOW],
    ['the shortest, from opening', '2026-12-01T07:00', 30, NOW],
    ['the longest, to closing', '2026-12-01T14:00', 8 * 60, NOW],
    ['the last half hour of the day', '2026-12-01T21:30', 30, NOW],
    ['on the 90th day', '2027-02-28T10:00', 60, NOW],
    ['on the day summer time starts', '2027-03-28T07:00', 60, at('2027-03-27T12:00')],
    ['on the day summer time ends, in the evening', '2026-10-25T21:00', 60, at('2026-10-25T08:00')],
  ])('allows %s', (_, start, minutes, now) => {
    expect(bookingTimesRefusal(at(start), at(start) + minutes * MIN, now)).toBeNull();
  });

  it.each([
    ['ends before it starts', '2026-11-30T13:00', -60, 'ends', 'booking_span'],
    ['ends as it starts', '2026-11-30T13:00', 0, 'ends', 'booking_span'],
    ['is over', '2026-11-30T09:00', 60, 'ends', 'booking_past'],
    ['ends right now', '2026-11-30T09:40', 30, 'ends', 'booking_past'],
    ['lasts ten years', '2026-12-01T10:00', 10 * 365 * 24 * 60, 'ends', 'booking_length'],
    ['lasts 15 minutes', '2026-12-01T10:00', 15, 'ends', 'booking_length'],
    ['lasts 8 h 15 min', '2026-12-01T08:00', 8 * 60 + 15, 'ends', 'booking_length'],
    ['starts at 10:07', '2026-12-01T10:07', 60, 'starts', 'booking_step'],
    ['ends at 10:52', '2026-12-01T10:15', 37, 'ends', 'booking_step'],
    ['starts before opening', '2026-12-01T06:45', 60, 'starts', 'booking_hours'],
    ['ends after closing', '2026-12-01T21:30', 45, 'ends', 'booking_hours'],
    ['runs past midnight (23:30 for 8 h)', '2026-12-01T23:30', 8 * 60, 'starts', 'booking_hours'],
    ['lies on the 91st day', '2027-03-01T10:00', 60, 'starts', 'booking_ahead'],
    ['lies 200 days ahead', '2027-06-18T10:00', 60, 'starts', 'booking_ahead'],
  ])('refuses one that %s', (_, start, minutes, field, code) => {
    expect(bookingTimesRefusal(at(start), at(start) + minutes * MIN, NOW)).toEqual({ field, code });
  });

  it('refuses seconds and milliseconds: times are whole minutes', () => {
    const starts = at('2026-12-01T10:00');
    expect(bookingTimesRefusal(starts + 30_000, starts + 60 * MIN, NOW)).toEqual({ field: 'starts', code: 'booking_step' });
    expect(bookingTimesRefusal(starts, starts + 60 * MIN + 1, NOW)).toEqual({ field: 'ends', code: 'booking_step' });
  });

  it('refuses times that are not times', () => {
    expect(bookingTimesRefusal(Number.NaN, at('2026-12-01T10:00'), NOW)).toEqual({ field: 'ends', code: 'booking_span' });
  });

  it('counts "ahead" in venue days, whatever the hour now', () => {
    const lateNow = at('2026-11-30T23:55');
    expect(bookingTimesRefusal(at('2027-02-28T07:00'), at('2027-02-28T08:00'), lateNow)).toBeNull();
    expect(bookingTimesRefusal(at('2027-03-01T07:00'), at('2027-03-01T08:00'), lateNow)).toMatchObject({ code: 'booking_ahead' });
  });

  it('says the limits it keeps in its messages', () => {
    expect(BOOKING_MESSAGES.booking_length).toContain(`${BOOKING_LIMITS.minMinutes} minutes`);
    expect(BOOKING_MESSAGES.booking_length).toContain(`${BOOKING_LIMITS.maxMinutes / 60} hours`);
    expect(BOOKING_MESSAGES.booking_hours).toContain('07:00 to 22:00');
    expect(BOOKING_MESSAGES.booking_ahead).toContain(`${BOOKING_LIMITS.daysAhead} days`);
    expect(BOOKING_MESSAGES.booking_limit).toContain(`${BOOKING_LIMITS.openPerMember} upcoming`);
  });
});
