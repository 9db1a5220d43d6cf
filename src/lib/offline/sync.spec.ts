import { describe, expect, it } from 'vitest';
import { MemoryOutbox } from './memory-outbox';
import type { OutboxEntry, OutboxOp } from './outbox';
import { SyncEngine, type Puller, type Scheduler, type SendResult, type Transport } from './sync';

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

/** A server keeping registrations by their client-chosen id, like PocketBase does. */
class FakeServer implements Transport {
  records = new Map<string, string>();
  sent: OutboxEntry[] = [];
  inFlight = 0;
  maxInFlight = 0;
  online = true;
  /** makes the next sends behave differently */
  script: ((entry: OutboxEntry) => Promise<SendResult>)[] = [];

  async send(entry: OutboxEntry): Promise<SendResult> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      this.sent.push(entry);
      const scripted = this.script.shift();
      if (scripted) return await scripted(entry);
      return this.apply(entry);
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
    server.script.push(async (entry) => {
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
    let answerLate: (r: SendResult) => void = () => {};
    server.script.push(() => new Promise<SendResult>((resolve) => (answerLate = resolve)));

    const first = engine.sync();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    scheduler.fire(15_000); // the answer to "a" is lost: timeout
    await first;
    expect(outbox.entries.map((e) => e.seq)).toEqual([1, 2]);

    scheduler.fire(); // backoff elapsed: send again
    await settled(engine);
    expect(outbox.entries).toEqual([]);
    answerLate({ outcome: 'done' }); // the first answer finally arrives
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
});
