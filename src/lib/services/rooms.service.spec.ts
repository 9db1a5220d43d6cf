import { describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { bookingReason, bookingSpan, dayBounds, DURATIONS, lastBookableDay, START_TIMES, type BookingRequest } from './rooms.service';
import { BOOKING_LIMITS } from '$lib/rooms/booking-rules';

const refusal = (status: number, data: object) =>
  new ClientResponseError({ url: '/api/collections/bookings/records', status, response: { status, message: 'x', data } });

describe('dayBounds', () => {
  it('spans a venue day from its midnight to the next, in Stockholm time', () => {
    expect(dayBounds('2026-11-30')).toEqual({ from: Date.UTC(2026, 10, 29, 23), to: Date.UTC(2026, 10, 30, 23) });
    expect(dayBounds('2026-07-01')).toEqual({ from: Date.UTC(2026, 5, 30, 22), to: Date.UTC(2026, 6, 1, 22) });
  });

  it('has 23 hours on the spring change day and 25 on the autumn one', () => {
    const hours = (day: string) => {
      const b = dayBounds(day)!;
      return (b.to - b.from) / 3_600_000;
    };
    expect(hours('2027-03-28')).toBe(23);
    expect(hours('2027-10-31')).toBe(25);
  });

  it('is null for text that is not a day', () => {
    expect(dayBounds('')).toBeNull();
    expect(dayBounds('2026-02-30')).toBeNull();
  });
});

describe('bookingSpan', () => {
  const now = Date.UTC(2026, 10, 30, 9, 10); // 10:10 in Stockholm
  const request = (over: Partial<BookingRequest> = {}): BookingRequest => ({
    space: 'room1',
    day: '2026-11-30',
    start: '13:00',
    minutes: 90,
    title: 'Styrelsemöte',
    ...over,
  });

  it('reads the start on the venue clock and adds the length', () => {
    expect(bookingSpan(request(), now)).toEqual({ starts: Date.UTC(2026, 10, 30, 12), ends: Date.UTC(2026, 10, 30, 13, 30) });
  });

  it('allows a booking already under way, but not one that is over', () => {
    expect(bookingSpan(request({ start: '10:00', minutes: 30 }), now)).toHaveProperty('starts');
    expect(bookingSpan(request({ start: '09:00', minutes: 60 }), now)).toEqual({ problem: 'booking_past' });
  });

  it('names what is missing or wrong', () => {
    expect(bookingSpan(request({ space: '' }), now)).toEqual({ problem: 'booking_room' });
    expect(bookingSpan(request({ start: '' }), now)).toEqual({ problem: 'booking_span' });
    expect(bookingSpan(request({ start: '25:00' }), now)).toEqual({ problem: 'booking_span' });
    expect(bookingSpan(request({ minutes: 0 }), now)).toEqual({ problem: 'booking_span' });
    expect(bookingSpan(request({ title: 'x'.repeat(121) }), now)).toEqual({ problem: 'title_long' });
  });

  it('keeps to the limits the server keeps to', () => {
    expect(bookingSpan(request({ start: '13:07' }), now)).toEqual({ problem: 'booking_step' });
    expect(bookingSpan(request({ start: '21:30', minutes: 60 }), now)).toEqual({ problem: 'booking_hours' });
    expect(bookingSpan(request({ day: '2026-12-01', start: '06:30', minutes: 60 }), now)).toEqual({ problem: 'booking_hours' });
    expect(bookingSpan(request({ minutes: 15 }), now)).toEqual({ problem: 'booking_length' });
    expect(bookingSpan(request({ day: '2027-02-28' }), now)).toHaveProperty('starts');
    expect(bookingSpan(request({ day: '2027-03-01' }), now)).toEqual({ problem: 'booking_ahead' });
  });
});

describe('the form offers only what may be booked', () => {
  it('starts every quarter hour from 07:00 to 21:30', () => {
    expect(START_TIMES[0]).toBe('07:00');
    expect(START_TIMES.at(-1)).toBe('21:30');
    expect(START_TIMES).toHaveLength(59);
    expect(START_TIMES.slice(0, 5)).toEqual(['07:00', '07:15', '07:30', '07:45', '08:00']);
  });

  it('lengths from 30 minutes to 8 hours, days up to 90 ahead', () => {
    expect(Math.min(...DURATIONS)).toBe(BOOKING_LIMITS.minMinutes);
    expect(Math.max(...DURATIONS)).toBe(BOOKING_LIMITS.maxMinutes);
    expect(lastBookableDay('2026-11-30')).toBe('2027-02-28');
  });
});

describe('bookingReason', () => {
  it.each([
    [{ starts: { code: 'booking_overlap', message: '' } }, 'booking_overlap'],
    [{ ends: { code: 'booking_past', message: '' } }, 'booking_past'],
    [{ ends: { code: 'booking_span', message: '' } }, 'booking_span'],
    [{ space: { code: 'booking_room', message: '' } }, 'booking_room'],
    [{ ends: { code: 'booking_length', message: '' } }, 'booking_length'],
    [{ starts: { code: 'booking_step', message: '' } }, 'booking_step'],
    [{ starts: { code: 'booking_hours', message: '' } }, 'booking_hours'],
    [{ starts: { code: 'booking_ahead', message: '' } }, 'booking_ahead'],
    [{ user: { code: 'booking_limit', message: '' } }, 'booking_limit'],
    [{ title: { code: 'validation_max_text_constraint', message: '' } }, 'invalid'],
  ])('a 400 with %j is %s', (data, reason) => {
    expect(bookingReason(refusal(400, data))).toBe(reason);
  });

  it('falls back to the status', () => {
    expect(bookingReason(refusal(403, {}))).toBe('forbidden');
    expect(bookingReason(refusal(404, {}))).toBe('not_found');
  });
});
