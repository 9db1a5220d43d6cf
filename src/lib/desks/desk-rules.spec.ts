import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, venueInstant } from '$lib/time/venue-clock';
import { deskDayOf, deskDayRefusal, deskDays } from './desk-rules';

const NOW = venueInstant('2027-03-20', 15); // a Saturday afternoon, eight days before summer time
const HOUR = 3_600_000;

describe('desk days', () => {
  it('are whole venue days: 23 hours in spring, 25 in autumn, 24 otherwise', () => {
    expect((dayEnd('2027-03-28') - dayStart('2027-03-28')) / HOUR).toBe(23);
    expect((dayEnd('2027-10-31') - dayStart('2027-10-31')) / HOUR).toBe(25);
    expect(deskDayOf(dayStart('2027-03-28'), dayEnd('2027-03-28'))).toBe('2027-03-28');
    expect(deskDayOf(dayStart('2027-10-31'), dayEnd('2027-10-31'))).toBe('2027-10-31');
    expect(deskDayOf(dayStart('2027-03-28'), dayStart('2027-03-28') + 24 * HOUR)).toBeNull();
    expect(deskDayOf(dayStart('2027-10-31'), dayStart('2027-10-31') + 24 * HOUR)).toBeNull();
  });

  it.each([
    ['today, though half of it has passed', '2027-03-20', null],
    ['the last of the two weeks', '2027-04-02', null],
    ['the day after', '2027-04-03', 'booking_desk_ahead'],
    ['yesterday', '2027-03-19', 'booking_past'],
  ])('%s', (_, day, code) => {
    expect(deskDayRefusal(dayStart(day), dayEnd(day), NOW)).toBe(code);
  });

  it.each([
    ['noon to noon', dayStart('2027-03-22') + 12 * HOUR, dayEnd('2027-03-22') + 12 * HOUR],
    ['half a day', dayStart('2027-03-22'), dayStart('2027-03-22') + 12 * HOUR],
    ['two days', dayStart('2027-03-22'), dayEnd('2027-03-23')],
    ['no times', NaN, NaN],
  ])('refuses %s as no desk day', (_, starts, ends) => {
    expect(deskDayRefusal(starts, ends, NOW)).toBe('booking_desk_day');
  });

  it('offers today and the next 13 days', () => {
    const days = deskDays('2027-03-20');
    expect(days).toHaveLength(14);
    expect([days[0], days[8], days[13]]).toEqual(['2027-03-20', '2027-03-28', '2027-04-02']);
  });
});
