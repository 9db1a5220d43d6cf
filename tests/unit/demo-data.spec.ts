// The demo venue looks like the real one, relative to whatever day `npm start` runs.
import { describe, expect, it } from 'vitest';
import { buildDemoVenue } from '../../scripts/seed/demo-data.mjs';
import { dayOf, venueWallClock, weekdayOf } from '../../src/lib/time/venue-clock';
import { BOOKING_LIMITS, bookingTimesRefusal } from '../../src/lib/rooms/booking-rules';
import { deskDayRefusal } from '../../src/lib/desks/desk-rules';

const NOW = new Date('2026-11-28T09:00:00Z');
const venue = buildDemoVenue(NOW);
const localHour = (d: Date) => venueWallClock(d).hour;
const openArea = venue.spaces.find((sp) => sp.kind === 'open_area')!;
const roomBookings = venue.bookings.filter((b) => b.space !== openArea.id);
const deskDays = venue.bookings.filter((b) => b.space === openArea.id);

describe('demo venue', () => {
  it('has the venue shape: two meeting rooms, an event area, an open area, ~30 companies, 3 fixed', () => {
    expect(venue.spaces.map((s) => s.kind).sort()).toEqual(['event_area', 'meeting_room', 'meeting_room', 'open_area']);
    expect(venue.companies).toHaveLength(30);
    expect(venue.companies.filter((c) => c.seat === 'fixed')).toHaveLength(3);
    expect(new Set(venue.users.map((u) => u.email)).size).toBe(venue.users.length);
  });

  it('has about a hundred events, in the past and coming months, all in opening hours', () => {
    expect(venue.events.length).toBeGreaterThanOrEqual(90);
    expect(venue.events.length).toBeLessThanOrEqual(110);
    expect(venue.events.filter((e) => e.startsAt < NOW).length).toBeGreaterThan(30);
    expect(venue.events.filter((e) => e.startsAt > NOW).length).toBeGreaterThan(30);
    for (const e of venue.events) {
      expect(localHour(e.startsAt)).toBeGreaterThanOrEqual(7);
      expect(localHour(e.startsAt)).toBeLessThanOrEqual(18);
    }
  });

  it('has an anniversary week with several talks every weekday in one room', () => {
    const week = venue.events.filter((e) => e.title.startsWith('Jubileumsveckan'));
    const byDay = new Map<string, number>();
    for (const e of week) byDay.set(dayOf(e.startsAt), (byDay.get(dayOf(e.startsAt)) ?? 0) + 1);
    expect(byDay.size).toBe(5);
    expect([...byDay.values()].every((n) => n >= 3)).toBe(true);
    expect(new Set(week.map((e) => e.space)).size).toBe(1);
  });

  it('gives every company a web address a person could type: Swedish letters as plain ones', () => {
    for (const company of venue.companies) expect(company.website).toMatch(/^https:\/\/[a-z]+(-[a-z]+)*\.example$/);
    expect(venue.companies.map((c) => c.website)).toContain('https://bjorkudden-konsult.example');
  });

  it('never double-books a room', () => {
    const published = venue.events.filter((e) => e.status !== 'cancelled');
    for (const a of published) {
      for (const b of published) {
        if (a === b || a.space !== b.space) continue;
        const overlap = a.starts < b.ends && b.starts < a.ends;
        expect(overlap, `${a.title} / ${b.title}`).toBe(false);
      }
    }
  });

  it('is the same every time for the same day', () => {
    expect(buildDemoVenue(NOW).events.map((e) => e.id)).toEqual(venue.events.map((e) => e.id));
  });

  it('has room bookings in the coming two weeks: in the conference rooms, on weekdays, never overlapping, none over', () => {
    const rooms = new Set(venue.spaces.filter((sp) => sp.bookable && sp.kind === 'meeting_room').map((sp) => sp.id));
    expect(roomBookings.length).toBeGreaterThan(20);
    for (const b of roomBookings) {
      expect(rooms.has(b.space)).toBe(true);
      expect(b.ends.getTime()).toBeGreaterThan(NOW.getTime());
      expect(b.ends.getTime()).toBeGreaterThan(b.starts.getTime());
      expect(weekdayOf(dayOf(b.starts))).toBeLessThanOrEqual(5);
      expect(localHour(b.starts)).toBeGreaterThanOrEqual(8);
      expect(localHour(b.ends)).toBeLessThanOrEqual(17);
      const clash = roomBookings.find((o) => o !== b && o.space === b.space && o.starts < b.ends && o.ends > b.starts);
      expect(clash).toBeUndefined();
    }
    const demoMember = venue.users.find((u) => u.email === 'member@coffice.test')!;
    expect(roomBookings.some((b) => b.user === demoMember.id)).toBe(true);
  });

  it('books only what a member could book in the app (the seed, as operator, could do more)', () => {
    for (const b of roomBookings) expect(bookingTimesRefusal(b.starts.getTime(), b.ends.getTime(), NOW.getTime())).toBeNull();
    const perUser = new Map<string, number>();
    for (const b of roomBookings) perUser.set(b.user, (perUser.get(b.user) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBeLessThanOrEqual(BOOKING_LIMITS.openPerMember);
  });

  it('has desk days in the open area: whole days a member could book, at most its capacity a day, one a person a day, one day full', () => {
    expect(openArea).toMatchObject({ capacity: 12, bookable: true });
    expect(deskDays.length).toBeGreaterThan(30);
    const perDay = new Map<string, Set<string>>();
    for (const b of deskDays) {
      expect(deskDayRefusal(b.starts.getTime(), b.ends.getTime(), NOW.getTime())).toBeNull();
      const day = dayOf(b.starts);
      const people = perDay.get(day) ?? new Set<string>();
      expect(people.has(b.user), `${b.user} twice on ${day}`).toBe(false);
      perDay.set(day, people.add(b.user));
    }
    const counts = [...perDay.values()].map((people) => people.size);
    expect(Math.max(...counts)).toBe(openArea.capacity);
    const demoMember = venue.users.find((u) => u.email === 'member@coffice.test')!;
    expect(deskDays.some((b) => b.user === demoMember.id)).toBe(true);
  });
});
