// The venue day in the address (?day=YYYY-MM-DD, today without one): its rooms and bookings
// and one's own upcoming bookings, read from the server before they show (online only: see
// rooms.service). Another day is another address, so only the latest day's answer shows;
// a booking or a cancellation reloads both (invalidate('coffice:rooms')).
import { lastBookableDay, loadMyBookings, loadRooms } from '$lib/services/rooms.service';
import { auth } from '$lib/state/auth.svelte';
import { network } from '$lib/state/network.svelte';
import { dayOf } from '$lib/time/venue-clock';
import type { PageLoad } from './$types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageLoad = async ({ url, depends }) => {
  depends('coffice:rooms');
  const today = dayOf(new Date());
  const asked = url.searchParams.get('day') ?? '';
  const last = lastBookableDay(today);
  const day = !DAY.test(asked) || asked < today ? today : asked > last ? last : asked;
  const canBook = auth.user?.role === 'member' || auth.isHost;
  if (!canBook || !network.online) return { today, day, rooms: null, mine: null };
  const [rooms, mine] = await Promise.all([loadRooms(day), loadMyBookings()]);
  return { today, day, rooms, mine };
};
