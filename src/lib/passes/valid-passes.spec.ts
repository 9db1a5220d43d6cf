import { describe, expect, it } from 'vitest';
import type { LocalRegistration } from '$lib/offline/db';
import type { EventRecord, PassRecord } from '$lib/pocketbase/types';
import { validPasses } from './valid-passes';

const NOW = new Date('2026-11-28T10:00:00Z');
const pass = (id: string, fields: Partial<PassRecord>) =>
  ({ id, kind: 'event', revoked: false, registration: '', ...fields }) as PassRecord;
const reg = (id: string, event: string, status: LocalRegistration['status'], extra: Partial<LocalRegistration> = {}) =>
  ({ id, event, status, ...extra }) as LocalRegistration;
const event = (id: string, starts: string, ends: string, status: EventRecord['status'] = 'published') =>
  ({ id, starts, ends, status }) as EventRecord;

const events = [
  event('soon', '2026-11-28T16:00:00Z', '2026-11-28T17:00:00Z'),
  event('later', '2026-12-02T16:00:00Z', '2026-12-02T17:00:00Z'),
  event('over', '2026-11-27T16:00:00Z', '2026-11-27T17:00:00Z'),
  event('off', '2026-12-01T16:00:00Z', '2026-12-01T17:00:00Z', 'cancelled'),
];
const registrations = [
  reg('r-soon', 'soon', 'confirmed'),
  reg('r-later', 'later', 'confirmed'),
  reg('r-over', 'over', 'confirmed'),
  reg('r-off', 'off', 'confirmed'),
  reg('r-wait', 'later', 'waitlisted'),
  reg('r-cancelling', 'soon', 'confirmed', { pendingChange: 'cancel' }),
];

describe('valid passes', () => {
  it('shows the member pass and passes of confirmed registrations to coming events, soonest first', () => {
    const passes = [
      pass('p-later', { registration: 'r-later' }),
      pass('p-member', { kind: 'member' }),
      pass('p-soon', { registration: 'r-soon' }),
    ];
    expect(validPasses(passes, registrations, events, NOW).map((s) => s.pass.id)).toEqual(['p-member', 'p-soon', 'p-later']);
  });

  it.each([
    ['revoked', pass('x', { registration: 'r-soon', revoked: true })],
    ['for an event that is over', pass('x', { registration: 'r-over' })],
    ['for a cancelled event', pass('x', { registration: 'r-off' })],
    ['for a waitlisted registration', pass('x', { registration: 'r-wait' })],
    ['for a registration being cancelled on this device', pass('x', { registration: 'r-cancelling' })],
    ['for a registration the device does not know', pass('x', { registration: 'r-unknown' })],
    ['a revoked member pass', pass('x', { kind: 'member', revoked: true })],
  ])('never shows a pass %s', (_, shown) => {
    expect(validPasses([shown], registrations, events, NOW)).toEqual([]);
  });
});
