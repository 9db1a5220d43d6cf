// Times on the venue's clock for arranging room bookings, which must keep to quarter hours
// within opening hours (src/lib/rooms/booking-rules.ts): "tomorrow at 10:00", not "in 24 h".
import { dayOf, fromVenueInputValue, shiftDay, toStored } from '../../src/lib/time/venue-clock';

/** PocketBase's stored form of the instant the venue's clock shows `time` (HH:mm) `days` from today. */
export function venueAt(days: number, time: string): string {
  const date = shiftDay(dayOf(new Date()), days);
  const instant = fromVenueInputValue(`${date}T${time}`);
  if (instant === null) throw new Error(`not a venue time: ${date} ${time}`);
  return toStored(instant);
}
