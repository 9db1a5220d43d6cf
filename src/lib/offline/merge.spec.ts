// A pass on the device never goes back to an older code: a pull asked before a reissue and
// answered after it keeps the reissued pass (the rule in merge.ts, and the passes puller
// over a fake IndexedDB).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AppPocketBase, HeldPass } from '$lib/pocketbase/types';
import { openCofficeDb } from './db';
import { keepRegistration, localWrites, mayDrop, newer, WriteLog } from './merge';
import { passesPuller } from './passes-cache';
import { registrationsPuller } from './schedule-cache';

const pass = (code: string, updated: string, id = 'pass00000000001'): HeldPass => ({
  id,
  collectionId: 'passes',
  collectionName: 'passes',
  holder: 'user00000000001',
  kind: 'event',
  registration: 'reg000000000001',
  code,
  revoked: false,
  created: '2026-11-30 20:00:00.000Z',
  updated,
});

/** A PocketBase whose passes list answers only when the test says so. */
function heldServer() {
  let answer: (passes: HeldPass[]) => void = () => {};
  let asked: () => void = () => {};
  const wasAsked = new Promise<void>((resolve) => (asked = resolve));
  const pb = {
    authStore: { isValid: true, record: { id: 'user00000000001', company: '' } },
    filter: (raw: string) => raw,
    collection: () => ({
      getFullList: () => {
        asked();
        return new Promise<HeldPass[]>((resolve) => (answer = resolve));
      },
    }),
  } as unknown as AppPocketBase;
  return { pb, wasAsked, answer: (passes: HeldPass[]) => answer(passes) };
}

describe('merging a pull into the device', () => {
  it('keeps the copy the server changed last', () => {
    const old = pass('CF1:OLD', '2026-11-30 21:00:00.000Z');
    const reissued = pass('CF1:NEW', '2026-11-30 21:00:05.123Z');
    expect(newer(reissued, old)).toBe(reissued);
    expect(newer(old, reissued)).toBe(reissued);
    expect(newer(undefined, old)).toBe(old);
    expect(newer(old, { ...old, qr: '1' })).toEqual({ ...old, qr: '1' }); // same change: the server's copy
  });

  it('drops a record missing from an answer only if the device did not write it since the pull began', () => {
    const log = new WriteLog();
    log.note('passes', 'a');
    const mark = log.mark();
    expect(mayDrop('passes', 'a', mark, log)).toBe(true);
    log.note('passes', 'b');
    expect(mayDrop('passes', 'b', mark, log)).toBe(false);
    expect(mayDrop('registrations', 'b', mark, log)).toBe(true);
  });

  it('a passes pull that began before a reissue does not bring the old code back', async () => {
    const db = await openCofficeDb(`coffice-merge-${Date.now()}`);
    const old = pass('CF1:OLDOLDOLDOLDOLDOLDOLDOLDOL', '2026-11-30 21:00:00.000Z');
    await db.put('passes', old);
    const server = heldServer();
    const pulling = passesPuller(server.pb, db).pull();
    await server.wasAsked; // the pull is on the wire

    // the person reissues; the answer is written as passes.service does
    const reissued = pass('CF1:NEWNEWNEWNEWNEWNEWNEWNEWNE', '2026-11-30 21:00:05.123Z');
    localWrites.note('passes', reissued.id);
    await db.put('passes', newer(await db.get('passes', reissued.id), reissued));

    server.answer([old]); // the pull's answer, read before the reissue, arrives
    await pulling;
    expect((await db.get('passes', old.id))?.code).toBe(reissued.code);

    // a later pull with the server's current copy, and one with a pass gone, apply as before
    const next = heldServer();
    const again = passesPuller(next.pb, db).pull();
    await next.wasAsked;
    next.answer([{ ...reissued, revoked: true, updated: '2026-11-30 21:10:00.000Z' }]);
    await again;
    expect(await db.get('passes', old.id)).toMatchObject({ code: reissued.code, revoked: true });
    const last = heldServer();
    const gone = passesPuller(last.pb, db).pull();
    await last.wasAsked;
    last.answer([]);
    await gone;
    expect(await db.count('passes')).toBe(0);
  });

  it('after its first pull, a puller asks only for the passes changed since the latest it holds', async () => {
    const db = await openCofficeDb(`coffice-merge-delta-${Date.now()}`);
    const asked: string[] = [];
    let answer: HeldPass[] = [];
    const pb = {
      authStore: { isValid: true, record: { id: 'user00000000001', company: '' } },
      filter: (raw: string, params: Record<string, string>) => `${raw} ${JSON.stringify(params)}`,
      collection: () => ({
        getFullList: async (options: { filter: string }) => (asked.push(options.filter), answer),
      }),
    } as unknown as AppPocketBase;
    const puller = passesPuller(pb, db);
    const a = pass('CF1:AAAAAAAAAAAAAAAAAAAAAAAAAA', '2026-11-30 21:00:00.000Z', 'pass0000000000a');
    const b = pass('CF1:BBBBBBBBBBBBBBBBBBBBBBBBBB', '2026-11-30 21:05:00.000Z', 'pass0000000000b');
    answer = [a, b];
    await puller.pull();
    answer = [{ ...a, revoked: true, updated: '2026-11-30 22:00:00.000Z' }]; // only the changed one
    await puller.pull();
    expect(asked[0]).not.toContain('updated');
    expect(asked[1]).toContain('updated >= {:since}');
    expect(asked[1]).toContain('2026-11-30 21:05:00.000Z');
    expect(await db.get('passes', a.id)).toMatchObject({ revoked: true });
    expect(await db.get('passes', b.id)).toMatchObject({ code: b.code }); // not in a delta: kept
  });

  it('a registration sent while a registrations pull was on its way is not dropped by that pull', async () => {
    const db = await openCofficeDb(`coffice-merge-reg-${Date.now()}`);
    let answerIds: (ids: { id: string }[]) => void = () => {};
    let asked: () => void = () => {};
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    const pb = {
      authStore: { isValid: true, record: { id: 'user00000000001' } },
      filter: (raw: string) => raw,
      collection: () => ({
        getList: async () => ({ items: [] }), // nothing changed when the pull asked
        getFullList: () => {
          asked();
          return new Promise((resolve) => (answerIds = resolve)); // which registrations exist
        },
      }),
    } as unknown as AppPocketBase;
    const pulling = registrationsPuller(pb, db).pull();
    await wasAsked;

    // meanwhile the outbox sends a registration and stores the server's record (as the transport does)
    const sent = {
      id: 'reg000000000009',
      event: 'evt000000000001',
      user: 'user00000000001',
      status: 'confirmed' as const,
      position: 0,
      created: '2026-11-30 21:00:00.000Z',
      updated: '2026-11-30 21:00:00.000Z',
      collectionId: 'r',
      collectionName: 'registrations',
    };
    localWrites.note('registrations', sent.id);
    await db.put('registrations', sent);

    answerIds([]); // the answer from before the send does not list it
    await pulling;
    expect(await db.get('registrations', sent.id)).toMatchObject({ status: 'confirmed' });
  });

  it('remembers that a registration left the waitlist for a place, and only then', async () => {
    const reg = (status: 'confirmed' | 'waitlisted' | 'cancelled', updated: string) => ({
      id: 'reg000000000010',
      event: 'evt000000000001',
      user: 'user00000000001',
      status,
      position: 1,
      created: '2026-11-30 21:00:00.000Z',
      updated,
      collectionId: 'r',
      collectionName: 'registrations',
    });
    const waiting = reg('waitlisted', '2026-11-30 21:00:00.000Z');
    const placed = reg('confirmed', '2026-11-30 21:05:00.000Z');
    expect(keepRegistration(waiting, placed)).toMatchObject({ status: 'confirmed', promoted: true });
    expect(keepRegistration(undefined, placed).promoted).toBeUndefined(); // confirmed from the start
    expect(keepRegistration(reg('confirmed', '2026-11-30 21:00:00.000Z'), placed).promoted).toBeUndefined();
    expect(keepRegistration(waiting, reg('cancelled', '2026-11-30 21:05:00.000Z')).promoted).toBeUndefined();
    // a later change of the same place keeps the news; cancelling it ends it
    const told = keepRegistration(waiting, placed);
    expect(keepRegistration(told, reg('confirmed', '2026-11-30 21:09:00.000Z')).promoted).toBe(true);
    expect(keepRegistration(told, reg('cancelled', '2026-11-30 21:09:00.000Z')).promoted).toBeUndefined();

    // the registrations pull does it on the device
    const db = await openCofficeDb(`coffice-merge-promoted-${Date.now()}`);
    await db.put('registrations', waiting);
    const pb = {
      authStore: { isValid: true, record: { id: 'user00000000001' } },
      filter: (raw: string) => raw,
      collection: () => ({ getList: async () => ({ items: [placed] }), getFullList: async () => [{ id: placed.id }] }),
    } as unknown as AppPocketBase;
    await registrationsPuller(pb, db).pull();
    expect(await db.get('registrations', placed.id)).toMatchObject({ status: 'confirmed', promoted: true });
  });
});
