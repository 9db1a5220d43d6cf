import { describe, expect, it } from 'vitest';
import { MemoryOutbox } from './memory-outbox';
import type { OutboxEntry, OutboxOp } from './outbox';
import { batchOf, SCAN_BATCH, SyncEngine, type Puller, type Scheduler, type SendResult, type Transport } from './sync';

/** Timers that only run when the test says so. */
class ManualScheduler implements Scheduler {
  timers: { id: number; fn: () => void; ms: number }[] = [];
  #id = 0;
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.#id;
    this.timers.push({ id, fn, ms });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** Fires the timer with the given delay (or the next one). */
  fire(ms?: number) {
    const timer = ms === undefined ? this.timers[0] : this.timers.find((t) => t.ms === ms);
    if (!timer) throw new Error(`no timer${ms === undefined ? '' : ` of ${ms} ms`}`);
    this.clearTimeout(timer.id);
    timer.fn();
  }
  get delays() {
    return this.timers.map((t) => t.ms);
  }
}

/** A server keeping registrations by their client-chosen id, like PocketBase does, and scans by theirs. */
class FakeServer implements Transport {
  records = new Map<string, string>();
  scans = new Map<string, number>();
  sent: OutboxEntry[] = [];
  /** each request: the seqs it carried */
  requests: number[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  online = true;
  /** false: the session lapsed (a password change), every request is answered 401 */
  session = true;
  /** makes the next requests behave differently */
  script: ((entries: OutboxEntry[]) => Promise<SendResult[]>)[] = [];

  async send(entries: OutboxEntry[]): Promise<SendResult[]> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      this.sent.push(...entries);
      this.requests.push(entries.map((e) => e.seq!));
      const scripted = this.script.shift();
      if (scripted) return await scripted(entries);
      if (!this.online) throw new TypeError('Failed to fetch');
      if (!this.session) return entries.map(() => ({ outcome: 'unauthorized', reason: 'HTTP 401' }));
      return entries.map((entry) => this.apply(entry));
    } finally {
      this.inFlight -= 1;
    }
  }

  apply(entry: OutboxEntry): SendResult {
    if (!this.online) throw new TypeError('Failed to fetch');
    const op = entry.op;
    if (op.kind === 'registration.create') {
      if (op.record.event === 'past-event') return { outcome: 'refused', reason: 'invalid', message: 'This event has already ended.' };
      this.records.set(op.record.id, 'confirmed'); // a replay of a known id changes nothing
    } else if (op.kind === 'registration.cancel') {
      this.records.set(op.id, 'cancelled');
    } else if (op.kind === 'scan') {
      if (!op.scan.code.startsWith('CP')) return { outcome: 'refused', reason: 'invalid', message: 'not a Coffice pass code' };
      this.scans.set(op.scan.id, (this.scans.get(op.scan.id) ?? 0) + 1);
    }
    return { outcome: 'done' };
  }
}

/** Resolves when the run a timer started has finished. */
function settled(engine: SyncEngine): Promise<void> {
  if (!engine.status.syncing) return Promise.resolve();
  return new Promise((resolve) => {
    const off = engine.on('status', (status) => {
      if (!status.syncing) {
        off();
        resolve();
      }
    });
  });
}

const scan = (id: string, code = `CP-${id}`): OutboxOp => ({
  kind: 'scan',
  scan: { id, code, event: 'breakfast', direction: 'in', scanned_at: '2026-12-01 08:00:00.000Z', device: 'door-abc', verdict: 'admitted' },
});
const walkIn = (id: string): OutboxOp => ({
  kind: 'walk-in',
  walkIn: { id, name: 'Nils', email: '', event: 'breakfast', scanned_at: '2026-12-01 08:00:00.000Z', device: 'door-abc' },
});

const register = (id: string, event = 'breakfast'): OutboxOp => ({
  kind: 'registration.create',
  record: { id, event, user: 'sara' },
});

function setup(options: { pullers?: Puller[] } = {}) {
  const outbox = new MemoryOutbox();
  const server = new FakeServer();
  const scheduler = new ManualScheduler();
  const engine = new SyncEngine({ outbox, transport: server, scheduler, random: () => 1, now: () => 1_000, ...options });
  return { outbox, server, scheduler, engine };
}

describe('sync engine', () => {
  it('sends the outbox oldest first and empties it', async () => {
    const { outbox, server, engine } = setup();
    ['a', 'b', 'c'].forEach((id) => outbox.add(register(id)));
    await engine.sync();
    expect(server.sent.map((e) => (e.op as { record: { id: string } }).record.id)).toEqual(['a', 'b', 'c']);
    expect(outbox.entries).toEqual([]);
    expect(engine.status).toMatchObject({ pending: 0, failed: 0, syncing: false, lastSyncAt: 1_000, lastError: null });
  });

  it('a crash after the server stored a write but before the ack is replayed without a duplicate', async () => {
    const { outbox, server, scheduler, engine } = setup();
    outbox.add(register('a'));
    // the server stores it, then the answer is lost on the way back
    server.script.push(async ([entry]) => {
      server.apply(entry);
      throw new TypeError('Failed to fetch');
    });
    await engine.sync();
    expect(outbox.entries).toHaveLength(1);
    expect(engine.status.lastError).toBe('Failed to fetch');

    // the app restarts: a new engine over the same durable outbox
    const restarted = new SyncEngine({ outbox, transport: server, scheduler, random: () => 1 });
    await restarted.sync();
    expect(outbox.entries).toEqual([]);
    expect([...server.records.keys()]).toEqual(['a']);
    expect(server.sent).toHaveLength(2);
  });

  it('replaying the same entries again changes nothing on the server', async () => {
    const { outbox, server, engine } = setup();
    outbox.add(register('a'));
    outbox.add({ kind: 'registration.cancel', id: 'a' });
    const copy = outbox.entries.map((e) => ({ ...e }));
    await engine.sync();
    outbox.entries = copy; // the same entries arrive again
    await engine.sync();
    expect([...server.records]).toEqual([['a', 'cancelled']]);
    expect(outbox.entries).toEqual([]);
  });

  it('a late answer to an earlier attempt does not disturb the order or ack twice', async () => {
    const { outbox, server, scheduler, engine } = setup();
    outbox.add(register('a'));
    outbox.add(register('b'));
    let answerLate: (r: SendResult[]) => void = () => {};
    server.script.push(() => new Promise<SendResult[]>((resolve) => (answerLate = resolve)));

    const first = engine.sync();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    scheduler.fire(15_000); // the answer to "a" is lost: timeout
    await first;
    expect(outbox.entries.map((e) => e.seq)).toEqual([1, 2]);

    scheduler.fire(); // backoff elapsed: send again
    await settled(engine);
    expect(outbox.entries).toEqual([]);
    answerLate([{ outcome: 'done' }]); // the first answer finally arrives
    await new Promise((r) => setImmediate(r));
    expect(outbox.entries).toEqual([]);
    expect(server.sent.map((e) => e.seq)).toEqual([1, 1, 2]);
    expect([...server.records.keys()]).toEqual(['a', 'b']);
  });

  it('a write the server refuses for good is kept and shown, and does not block the rest', async () => {
    const { outbox, server, engine } = setup();
    const refused: string[] = [];
    engine.on('refused', ({ message }) => refused.push(message));
    outbox.add(register('a'));
    outbox.add(register('b', 'past-event'));
    outbox.add(register('c'));
    await engine.sync();
    expect([...server.records.keys()]).toEqual(['a', 'c']);
    expect(outbox.entries).toEqual([expect.objectContaining({ seq: 2, state: 'failed', message: 'This event has already ended.' })]);
    expect(refused).toEqual(['This event has already ended.']);
    expect(engine.status).toMatchObject({ pending: 0, failed: 1 });
    await engine.sync(); // and it is not sent again
    expect(server.sent).toHaveLength(3);
  });

  it('retries with growing backoff while offline, and catches up when back', async () => {
    const { outbox, server, scheduler, engine } = setup();
    server.online = false;
    outbox.add(register('a'));
    await engine.sync();
    const delays = [scheduler.delays[0]];
    for (let i = 0; i < 7; i++) {
      scheduler.fire();
      await settled(engine);

      delays.push(scheduler.delays[0]);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(engine.status.pending).toBe(1);

    server.online = true;
    scheduler.fire();
    await settled(engine);
    expect(outbox.entries).toEqual([]);
    expect(scheduler.timers).toEqual([]);
  });

  it('runs one drain at a time however often it is asked', async () => {
    const { outbox, server, engine } = setup();
    for (let i = 0; i < 5; i++) outbox.add(register(`r${i}`));
    await Promise.all([engine.sync(), engine.sync(), engine.sync()]);
    expect(server.maxInFlight).toBe(1);
    expect(server.sent).toHaveLength(5);
  });

  it('pulls server changes only after the outbox is empty', async () => {
    const pulled: string[] = [];
    const puller: Puller = { name: 'events', pull: async () => void pulled.push('events') };
    const { outbox, server, engine } = setup({ pullers: [puller] });
    server.online = false;
    outbox.add(register('a'));
    await engine.sync();
    expect(pulled).toEqual([]);
    server.online = true;
    await engine.sync();
    expect(pulled).toEqual(['events']);
  });

  it('a write queued while the pulls run is sent at once, not after them', async () => {
    let finishPull: () => void = () => {};
    let pulls = 0;
    const slow: Puller = {
      name: 'passes',
      pull: () => {
        pulls += 1;
        return pulls === 1 ? new Promise<void>((resolve) => (finishPull = resolve)) : Promise.resolve();
      },
    };
    const { outbox, server, engine } = setup({ pullers: [slow] });
    const run = engine.sync();
    await new Promise((r) => setImmediate(r));
    expect(pulls).toBe(1); // the pull is on the wire and holds on

    outbox.add(register('tap'));
    const sentDuringPull = new Promise<void>((resolve) => engine.on('sent', () => resolve()));
    void engine.sync();
    await sentDuringPull;
    expect([...server.records.keys()]).toEqual(['tap']);
    expect(pulls).toBe(1); // the first pull has still not answered

    finishPull();
    await run;
    expect(pulls).toBe(2); // and the run pulls once more after the write
    expect(outbox.entries).toEqual([]);
    expect(server.maxInFlight).toBe(1);
  });

  it('a failed pull is retried later', async () => {
    const { scheduler, engine } = setup({
      pullers: [{ name: 'events', pull: async () => Promise.reject(new Error('offline')) }],
    });
    await engine.sync();
    expect(engine.status.lastError).toBe('pull events: offline');
    expect(scheduler.delays).toEqual([1_000]);
  });

  it('sends a run of scans in one request', async () => {
    const { outbox, server, engine } = setup();
    for (let i = 0; i < 40; i++) outbox.add(scan(`s${i}`));
    await engine.sync();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toHaveLength(40);
    expect(server.scans.size).toBe(40);
    expect(outbox.entries).toEqual([]);
  });

  it('splits a long run into batches of at most SCAN_BATCH', async () => {
    const { outbox, server, engine } = setup();
    for (let i = 0; i < SCAN_BATCH + 5; i++) outbox.add(scan(`s${i}`));
    await engine.sync();
    expect(server.requests.map((r) => r.length)).toEqual([SCAN_BATCH, 5]);
    expect(outbox.entries).toEqual([]);
  });

  it('a mixed outbox keeps its order: runs of scans between other kinds, each in its place', async () => {
    const { outbox, server, engine } = setup();
    outbox.add(scan('s1'));
    outbox.add(scan('s2'));
    outbox.add(walkIn('w1'));
    outbox.add(scan('s3'));
    outbox.add(register('r1'));
    outbox.add(scan('s4'));
    outbox.add(scan('s5'));
    await engine.sync();
    expect(server.requests).toEqual([[1, 2], [3], [4], [5], [6, 7]]);
    expect(outbox.entries).toEqual([]);
  });

  it('a partial result fails only the invalid scan; the rest of the run is sent', async () => {
    const { outbox, server, engine } = setup();
    const refused: number[] = [];
    engine.on('refused', ({ entry }) => refused.push(entry.seq!));
    outbox.add(scan('s1'));
    outbox.add(scan('s2', 'not-a-code'));
    outbox.add(scan('s3'));
    await engine.sync();
    expect(server.requests).toEqual([[1, 2, 3]]);
    expect([...server.scans.keys()]).toEqual(['s1', 's3']);
    expect(outbox.entries).toEqual([expect.objectContaining({ seq: 2, state: 'failed', reason: 'invalid' })]);
    expect(refused).toEqual([2]);
    expect(engine.status).toMatchObject({ pending: 0, failed: 1 });
  });

  it('a refused entry is listed and can be cleared; a pending one cannot', async () => {
    const { outbox, engine } = setup();
    outbox.add(scan('s1', 'not-a-code'));
    await engine.sync();
    expect((await outbox.failed()).map((e) => e.seq)).toEqual([1]);
    outbox.add(scan('s2'));
    await engine.clear(2); // pending: kept
    await engine.clear(1);
    expect(outbox.entries.map((e) => [e.seq, e.state])).toEqual([[2, 'pending']]);
    expect(engine.status).toMatchObject({ pending: 1, failed: 0 });
  });

  it('a lapsed session stops the drain and keeps every entry pending, with no retry timer', async () => {
    const pulled: string[] = [];
    const { outbox, server, scheduler, engine } = setup({ pullers: [{ name: 'events', pull: async () => void pulled.push('events') }] });
    server.session = false;
    for (let i = 0; i < 40; i++) outbox.add(scan(`s${i}`));
    outbox.add(register('r1'));
    await engine.sync();
    expect(server.requests).toHaveLength(1);
    expect(outbox.entries.every((e) => e.state === 'pending')).toBe(true);
    expect(engine.status).toMatchObject({ pending: 41, failed: 0, needsSignIn: true });
    expect(scheduler.timers).toEqual([]);
    expect(pulled).toEqual([]);

    await engine.sync(); // asked again (online, visible, the period): it waits for the sign-in
    expect(server.requests).toHaveLength(1);
    expect(engine.status.needsSignIn).toBe(true);
  });

  it('resumes after the sign-in: everything that waited is sent once, in order', async () => {
    const { outbox, server, engine } = setup();
    server.session = false;
    for (let i = 0; i < 40; i++) outbox.add(scan(`s${i}`));
    outbox.add(register('r1'));
    await engine.sync();
    server.session = true;
    await engine.signedIn();
    expect(server.requests.slice(1).map((r) => r.length)).toEqual([40, 1]);
    expect([...server.scans.values()]).toEqual(Array(40).fill(1));
    expect([...server.records.keys()]).toEqual(['r1']);
    expect(outbox.entries).toEqual([]);
    expect(engine.status).toMatchObject({ pending: 0, failed: 0, needsSignIn: false });
  });

  it('a lapsed session met mid-outbox keeps what was sent before it and waits with the rest', async () => {
    const { outbox, server, engine } = setup();
    outbox.add(register('r1'));
    outbox.add(scan('s1'));
    server.script.push(async (entries) => entries.map((e) => server.apply(e)));
    server.script.push(async (entries) => entries.map(() => ({ outcome: 'unauthorized', reason: 'HTTP 401' })));
    await engine.sync();
    expect([...server.records.keys()]).toEqual(['r1']);
    expect(outbox.entries.map((e) => [e.seq, e.state])).toEqual([[2, 'pending']]);
    expect(engine.status.needsSignIn).toBe(true);
  });
});

describe('batchOf', () => {
  const entries = (ops: OutboxOp[]) => ops.map((op, i) => ({ op, seq: i + 1, queuedAt: 0, attempts: 0, state: 'pending' as const }));
  it('takes the scans right behind a scan, and any other kind alone', () => {
    expect(batchOf(entries([scan('a'), scan('b'), walkIn('c'), scan('d')])).map((e) => e.seq)).toEqual([1, 2]);
    expect(batchOf(entries([walkIn('c'), scan('d')])).map((e) => e.seq)).toEqual([1]);
    expect(batchOf([])).toEqual([]);
  });
});
