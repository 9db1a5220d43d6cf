// The demo venue as plain data, built from a seed so every run looks the same relative
// to the day it runs: rooms, ~30 companies, people, ~100 events around today with an
// anniversary week, registrations and a check-in history.
import { dayOf, shiftDay, toStored, venueInstant, weekdayOf } from '../lib/venue-clock.mjs';
import { BREAKFASTS, COMPANIES, COURSES, FIRST_NAMES, HEADLINES, LAST_NAMES, SEEKS, TALKS } from './names.mjs';

export const DEMO_PASSWORD = 'coffice-demo-2026';

export const DEMO_LOGINS = [
  { role: 'host', email: 'host@coffice.test', name: 'Maja Lindqvist' },
  { role: 'member', email: 'member@coffice.test', name: 'Erik Sandberg' },
  { role: 'guest', email: 'guest@coffice.test', name: 'Sara Holm' },
];

/** @param {number} seed deterministic pseudo-random numbers (mulberry32) */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A name in lower-case ASCII (å, ä, ö → a, a, o), for e-mail addresses and web addresses. @param {string} text */
function plain(text) {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A PocketBase record id (15 characters a–z0–9) from the seeded generator. @param {() => number} rnd */
function recordId(rnd) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 15; i++) id += alphabet[Math.floor(rnd() * alphabet.length)];
  return id;
}

/**
 * @param {Date} now
 * @param {number} [seed]
 */
export function buildDemoVenue(now, seed = 2026) {
  const rnd = random(seed);
  /** @template T @param {T[]} list @returns {T} */
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const today = dayOf(now);
  /** The instant the venue's clock shows hour:minute on a day. @param {string} day @param {number} hour @param {number} minute */
  const at = (day, hour, minute) => new Date(venueInstant(day, hour, minute));

  const spaces = [
    { id: recordId(rnd), name: 'Konferensrum Torget', kind: 'meeting_room', capacity: 10, bookable: true },
    { id: recordId(rnd), name: 'Konferensrum Kvarnen', kind: 'meeting_room', capacity: 6, bookable: true },
    { id: recordId(rnd), name: 'Eventytan', kind: 'event_area', capacity: 60, bookable: false },
    // flexible desks, booked by the day on /desks
    { id: recordId(rnd), name: 'Öppna ytan', kind: 'open_area', capacity: 12, bookable: true },
  ];
  const [roomTorget, roomKvarnen, eventArea, openArea] = spaces;

  const companies = COMPANIES.map(([name, seat, about, tags], i) => ({
    id: recordId(rnd),
    name,
    seat,
    about,
    tags,
    // the community's directory: what each offers and looks for; every other one on /join
    offers: about,
    seeks: i % 3 === 2 ? '' : SEEKS[i % SEEKS.length],
    listed: i % 2 === 0,
    website: `https://${plain(String(name))
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '')}.example`,
  }));

  /** @type {{ id: string, email: string, name: string, role: string, company: string, locale: string, show_presence: boolean, listed: boolean, headline: string }[]} */
  const users = [];
  /** @param {string} name @param {string} email @param {string} role @param {string} [company] @param {string} [locale] */
  const person = (name, email, role, company = '', locale = 'sv') => {
    // most members and hosts show up in "who is here"; guests have not opted in
    const show_presence = role !== 'guest' && users.length % 3 !== 2;
    // most members are in the directory with a headline; guests are not
    const listed = role !== 'guest' && users.length % 4 !== 3;
    const headline = listed ? HEADLINES[users.length % HEADLINES.length] : '';
    const user = { id: recordId(rnd), email, name, role, company, locale, show_presence, listed, headline };
    users.push(user);
    return user;
  };
  const host = person('Maja Lindqvist', 'host@coffice.test', 'host');
  person('Oskar Berg', 'oskar.berg@coffice.test', 'host');
  const members = [person('Erik Sandberg', 'member@coffice.test', 'member', companies[0].id)];
  for (let i = 1; i < 12; i++) {
    const name = `${FIRST_NAMES[(i * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 5) % LAST_NAMES.length]}`;
    const email = `${plain(name).replace(' ', '.')}@coffice.test`;
    members.push(person(name, email, 'member', companies[i % companies.length].id, i % 4 === 0 ? 'en' : 'sv'));
  }
  const guests = [person('Sara Holm', 'guest@coffice.test', 'guest')];
  const usedEmails = new Set(users.map((u) => u.email));
  while (guests.length < 70) {
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const base = plain(name).replace(' ', '.');
    const email = `${base}.${guests.length}@coffice.test`;
    if (usedEmails.has(email)) continue;
    usedEmails.add(email);
    guests.push(person(name, email, 'guest', '', rnd() < 0.2 ? 'en' : 'sv'));
  }

  /** @type {{ id: string, title: string, summary: string, description: string, kind: string, speaker: string, space: string, starts: string, ends: string, capacity: number, status: string, reentry: boolean, startsAt: Date }[]} */
  const events = [];
  /**
   * @param {string} date YYYY-MM-DD
   * @param {readonly [number, number]} from
   * @param {readonly [number, number]} to
   * @param {{ title: string, kind: string, space: string, capacity: number } & Record<string, any>} fields
   */
  const event = (date, from, to, fields) => {
    const startsAt = at(date, from[0], from[1]);
    events.push({
      id: recordId(rnd),
      summary: '',
      description: '',
      speaker: '',
      reentry: false,
      status: 'published',
      ...fields,
      starts: toStored(startsAt),
      ends: toStored(at(date, to[0], to[1])),
      startsAt,
    });
  };

  // The venue's first anniversary: the week starting on the second Monday from today.
  const anniversaryMonday = shiftDay(today, 14 - (weekdayOf(today) - 1));
  // days as YYYY-MM-DD compare as text
  const inAnniversaryWeek = (/** @type {string} */ day) => day >= anniversaryMonday && day < shiftDay(anniversaryMonday, 7);

  let talk = 0;
  let course = 0;
  let breakfast = 0;
  for (let offset = -119; offset <= 90; offset++) {
    const date = shiftDay(today, offset);
    const week = Math.floor((offset + 119) / 7);
    if (inAnniversaryWeek(date)) continue;
    if (weekdayOf(date) === 2 && week % 4 !== 3) {
      event(date, [7, 30], [9, 0], {
        title: BREAKFASTS[breakfast++ % BREAKFASTS.length],
        summary: 'Kaffe, smörgås och tio minuter från en lokal aktör.',
        description: 'Vi bjuder på frukost. Kom som du är – alla företagare är välkomna.',
        kind: 'breakfast',
        space: eventArea.id,
        capacity: 40,
      });
    }
    if (weekdayOf(date) === 4) {
      const [title, summary, speaker] = TALKS[talk++ % TALKS.length];
      event(date, [17, 0], [18, 30], {
        title,
        summary,
        speaker,
        kind: 'talk',
        space: eventArea.id,
        capacity: 50,
        description: 'Föredraget är ungefär en timme. Efteråt finns tid för frågor och mingel.',
      });
    }
    if (weekdayOf(date) === 3 && week % 3 === 1) {
      const [title, summary, teacher] = COURSES[course++ % COURSES.length];
      event(date, [13, 0], [16, 0], {
        title,
        summary,
        speaker: teacher,
        kind: 'course',
        space: roomTorget.id,
        capacity: 10,
        description: 'Ta med dator. Fika ingår.',
      });
    }
    if (weekdayOf(date) === 5 && week % 4 === 2) {
      event(date, [16, 0], [18, 0], {
        title: 'Fredagsträff på Coffice',
        summary: 'Avrunda veckan med andra företagare.',
        kind: 'meetup',
        space: openArea.id,
        capacity: 0,
        reentry: true,
      });
    }
    if (weekdayOf(date) === 1 && week % 2 === 1) {
      event(date, [12, 0], [13, 0], {
        title: 'Lunch & lär: veckans tips',
        summary: 'Ta med lunchen – vi bjuder på kaffe och ett kort tips.',
        kind: 'other',
        space: roomKvarnen.id,
        capacity: 6,
      });
    }
  }
  for (let day = 0; day < 5; day++) {
    const date = shiftDay(anniversaryMonday, day);
    for (const [slot, from, to] of /** @type {const} */ ([
      [0, [9, 0], [10, 0]],
      [1, [12, 0], [13, 0]],
      [2, [17, 0], [18, 0]],
    ])) {
      const [title, summary, speaker] = TALKS[(day * 3 + slot) % TALKS.length];
      event(date, from, to, {
        title: `Jubileumsveckan: ${title}`,
        summary,
        speaker,
        kind: 'talk',
        space: eventArea.id,
        capacity: 45,
        description: 'Coffice fyller ett år! Under jubileumsveckan bjuder vi på fika efter varje föredrag.',
      });
    }
  }
  // one draft (hosts only) and one cancelled event in the coming weeks
  event(shiftDay(today, 20), [18, 0], [20, 0], {
    title: 'Julmingel för medlemmar',
    summary: 'Utkast – inte publicerat än.',
    kind: 'meetup',
    space: openArea.id,
    capacity: 0,
    status: 'draft',
  });
  event(shiftDay(today, 9), [17, 0], [18, 0], {
    title: 'Föredrag: Sociala medier 2027',
    summary: 'Inställt på grund av sjukdom.',
    kind: 'talk',
    space: eventArea.id,
    capacity: 40,
    status: 'cancelled',
  });
  events.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  // Registrations: past events were well attended; coming ones are filling up.
  const people = [...members, ...guests];
  /** @type {{ event: string, user: string, attended: boolean, startsAt: Date, id: string }[]} */
  const registrations = [];
  for (const ev of events) {
    if (ev.status !== 'published') continue;
    const past = ev.startsAt.getTime() < now.getTime();
    const cap = ev.capacity || 35;
    const wanted = past ? Math.round(cap * (0.45 + rnd() * 0.5)) : Math.round(cap * rnd() * 0.5);
    const chosen = new Set();
    while (chosen.size < Math.min(wanted, people.length)) chosen.add(pick(people).id);
    for (const user of chosen) {
      registrations.push({ id: recordId(rnd), event: ev.id, user, attended: past && rnd() < 0.85, startsAt: ev.startsAt });
    }
  }
  // the demo guest holds passes for the next two breakfast meetings
  for (const ev of events.filter((e) => e.kind === 'breakfast' && e.startsAt > now).slice(0, 2)) {
    if (!registrations.some((r) => r.event === ev.id && r.user === guests[0].id)) {
      registrations.push({ id: recordId(rnd), event: ev.id, user: guests[0].id, attended: false, startsAt: ev.startsAt });
    }
  }

  // Front-door history: members come in two to four weekdays a week for eight weeks.
  /** @type {{ user: string, direction: 'in' | 'out', at: Date }[]} */
  const visits = [];
  for (let offset = -56; offset < 0; offset++) {
    const date = shiftDay(today, offset);
    if (weekdayOf(date) > 5) continue;
    const busy = weekdayOf(date) >= 2 && weekdayOf(date) <= 4 ? 0.7 : 0.35;
    for (const member of [host, ...members]) {
      if (rnd() > busy) continue;
      const inAt = at(date, 8 + Math.floor(rnd() * 2), Math.floor(rnd() * 60));
      const outAt = at(date, 15 + Math.floor(rnd() * 3), Math.floor(rnd() * 60));
      visits.push({ user: member.id, direction: 'in', at: inAt }, { user: member.id, direction: 'out', at: outAt });
    }
  }

  // Today so far: about half the members came in this morning (before now) and are still here,
  // so "here today" on /community shows people from the start.
  const dayBegan = venueInstant(today, 0, 0);
  for (const [i, member] of [host, ...members].entries()) {
    if (i % 2 === 1) continue;
    const planned = venueInstant(today, 8, (i * 7) % 60);
    const inAt = new Date(Math.max(dayBegan + 60_000 * (i + 1), Math.min(planned, now.getTime() - 60_000 * (i + 5))));
    if (inAt.getTime() < now.getTime()) visits.push({ user: member.id, direction: 'in', at: inAt });
  }

  // Room bookings for the coming two weeks: members book the two conference rooms a few
  // times a weekday, never two at once in one room, and never in the past (the server refuses
  // that). The demo member has one on a coming weekday. A stream of its own keeps the rest
  // of the venue unchanged.
  const roll = random(seed + 1);
  const TITLES = ['Kundmöte', 'Styrelsemöte', 'Intervju', 'Projektmöte', 'Workshop', 'Lunchmöte', 'Planering'];
  /** @type {{ id: string, space: string, user: string, title: string, starts: Date, ends: Date }[]} */
  const bookings = [];
  for (let offset = 0; offset < 14; offset++) {
    const date = shiftDay(today, offset);
    if (weekdayOf(date) > 5) continue;
    for (const room of [roomTorget, roomKvarnen]) {
      for (let hour = 8; hour < 17; hour += 1 + Math.floor(roll() * 3)) {
        if (roll() < 0.45) continue;
        const hours = roll() < 0.7 ? 1 : 2;
        const starts = at(date, hour, 0);
        const ends = at(date, Math.min(hour + hours, 17), 0);
        const demoMembersTurn = offset >= 1 && room === roomTorget && !bookings.some((b) => b.user === members[0].id);
        const user = demoMembersTurn ? members[0] : members[Math.floor(roll() * members.length)];
        if (ends.getTime() > now.getTime() + 60_000) {
          bookings.push({
            id: recordId(roll),
            space: room.id,
            user: user.id,
            title: TITLES[Math.floor(roll() * TITLES.length)],
            starts,
            ends,
          });
        }
        hour += hours - 1;
      }
    }
  }

  // Desk days in the open area for the coming two weeks (today included): on weekdays a few
  // to most of its desks, the first weekday three or more days ahead full (all twelve
  // members); each person one desk a day. The demo member has the day after tomorrow too. A stream of its own keeps the rest of the venue unchanged.
  const desks = random(seed + 2);
  let full = false;
  for (let offset = 0; offset < 14; offset++) {
    const date = shiftDay(today, offset);
    if (weekdayOf(date) > 5) continue;
    /** @type {boolean} */
    const makeFull = !full && offset >= 3;
    if (makeFull) full = true;
    const count = makeFull ? openArea.capacity : 3 + Math.floor(desks() * 8);
    const others = members.slice(1).sort(() => desks() - 0.5);
    const people = makeFull || offset === 2 ? [members[0], ...others] : others;
    for (const user of people.slice(0, count)) {
      bookings.push({
        id: recordId(desks),
        space: openArea.id,
        user: user.id,
        title: '',
        starts: at(date, 0, 0),
        ends: at(shiftDay(date, 1), 0, 0),
      });
    }
  }

  return { spaces, companies, users, events, registrations, visits, bookings, anniversaryMonday };
}
