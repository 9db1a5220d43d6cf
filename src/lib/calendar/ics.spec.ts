import nodeIcal, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { ProgrammeEvent } from '$lib/services/programme.service';
import { fromStored } from '$lib/time/venue-clock';
import { eventIcs, icsFileName } from './ics';

const WORDS = { calendarName: 'Coffice', cancelled: 'INSTÄLLT', waitlisted: 'Väntelista', speaker: 'Talare' };
const ORIGIN = 'https://coffice.example';

function event(fields: Partial<ProgrammeEvent>): ProgrammeEvent {
  return {
    id: 'ev1234567890abc',
    collectionId: 'pbc_events',
    collectionName: 'events',
    created: '2027-01-10 09:00:00.000Z',
    updated: '2027-01-12 10:30:00.000Z',
    title: 'Frukostmöte',
    summary: '',
    description: '',
    kind: 'breakfast',
    speaker: '',
    space: '',
    // 18:00–19:30 in Stockholm, after summer time began (UTC+2)
    starts: '2027-03-29 16:00:00.000Z',
    ends: '2027-03-29 17:30:00.000Z',
    capacity: 0,
    status: 'published',
    reentry: false,
    taken: 0,
    ...fields,
  };
}

function parsedEvents(text: string) {
  return Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('the .ics for one event', () => {
  it.each([
    // Saturday before the change (UTC+1) and Monday after it (UTC+2), both 18:00 in Stockholm
    ['2027-03-27 17:00:00.000Z', '2027-03-27 18:30:00.000Z', '20270327T180000', '20270327T193000'],
    ['2027-03-29 16:00:00.000Z', '2027-03-29 17:30:00.000Z', '20270329T180000', '20270329T193000'],
  ])(
    'an event starting %s is written as 18:00 Stockholm time and parsed back to the same instant',
    (starts, ends, localStart, localEnd) => {
      const text = eventIcs(event({ starts, ends }), ORIGIN, WORDS);
      expect(text).toContain(`DTSTART;TZID=Europe/Stockholm:${localStart}\r\n`);
      expect(text).toContain(`DTEND;TZID=Europe/Stockholm:${localEnd}\r\n`);
      const [parsed] = parsedEvents(text);
      expect(parsed.start.toISOString()).toBe(fromStored(starts).toISOString());
      expect(parsed.end?.toISOString()).toBe(fromStored(ends).toISOString());
    },
  );

  it('carries the VTIMEZONE for Europe/Stockholm with the EU summer-time rule', () => {
    const text = eventIcs(event({}), ORIGIN, WORDS);
    const zone = /BEGIN:VTIMEZONE\r\n([\s\S]*?)END:VTIMEZONE/.exec(text)?.[1] ?? '';
    expect(zone).toMatch(/^TZID:Europe\/Stockholm\r$/m);
    expect(zone).toContain('TZOFFSETTO:+0200');
    expect(zone).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(zone).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    // every TZID a date names is defined in the file
    const named = new Set([...text.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]));
    expect([...named]).toEqual(['Europe/Stockholm']);
  });

  it('follows the RFC 5545 basics: CRLF, lines of at most 75 octets, UTC DTSTAMP, stable UID', () => {
    const text = eventIcs(
      event({ title: 'Så växer småföretag; en kväll, med frågor', description: 'Rad ett\nRad två. '.repeat(20) }),
      ORIGIN,
      WORDS,
    );
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')))).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\nDTSTAMP:20270112T103000Z\r\n/);
    expect(text).toContain('UID:ev1234567890abc@coffice\r\n');
    // a single download is not a subscription: no refresh interval
    expect(text).not.toContain('REFRESH-INTERVAL');
    expect(text).toContain('SUMMARY:Så växer småföretag\\; en kväll\\, med frågor');
    const [parsed] = parsedEvents(text);
    expect(parsed.summary).toBe('Så växer småföretag; en kväll, med frågor');
    expect(String(parsed.description)).toContain('Rad ett\nRad två.');
  });

  it('names the room, the speaker and links back to the event page', () => {
    const text = eventIcs(
      event({ speaker: 'Karin Åström', summary: 'Om tillväxt.', expand: { space: { name: 'Torget' } as never } }),
      ORIGIN,
      WORDS,
    );
    const [parsed] = parsedEvents(text);
    expect(parsed.location).toBe('Torget');
    expect(String(parsed.description)).toBe(`Om tillväxt.\n\nTalare: Karin Åström\n\n${ORIGIN}/events/ev1234567890abc`);
    expect(text).toContain(`URL;VALUE=URI:${ORIGIN}/events/ev1234567890abc\r\n`);
  });

  it('marks a cancelled event as cancelled', () => {
    const [parsed] = parsedEvents(eventIcs(event({ status: 'cancelled' }), ORIGIN, WORDS));
    expect(parsed.status).toBe('CANCELLED');
    expect(parsed.summary).toBe('INSTÄLLT: Frukostmöte');
  });

  it('an edit raises SEQUENCE so calendar apps replace their copy', () => {
    const before = parsedEvents(eventIcs(event({}), ORIGIN, WORDS))[0];
    const after = parsedEvents(eventIcs(event({ updated: '2027-01-13 08:00:00.000Z' }), ORIGIN, WORDS))[0];
    expect(Number(after.sequence)).toBeGreaterThan(Number(before.sequence));
  });

  it('gives the file a readable, safe name', () => {
    expect(icsFileName({ title: 'Så växer småföretag / i mindre städer?' })).toBe('Sa-vaxer-smaforetag-i-mindre-stader.ics');
    expect(icsFileName({ title: '???' })).toBe('coffice.ics');
  });
});
