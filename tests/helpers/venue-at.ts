// Times on the venue's clock for arranging room bookings, which must keep to quarter hours
// within opening hours (src/lib/rooms/booking-rules.ts): "tomorrow at 10:00", not "in 24 h".
import { fromVenueInputValue } from '../../src/lib/time/venue-clock';
import { venueDayKey } from '../../src/lib/time/venue-time';

/** PocketBase's stored form of the instant the venue's clock shows `time` (HH:mm) `days` from today. */
export function venueAt(days: number, time: string): string {
  const [year, month, day] = venueDayKey(new Date()).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
  const instant = fromVenueInputValue(`${date}T${time}`);
  if (instant === null) throw new Error(`not a venue time: ${date} ${time}`);
  return new Date(instant).toISOString().replace('T', ' ');
}
