import { describe, expect, it, vi } from 'vitest';
import { coalesced } from './coalesce';

describe('coalesced work', () => {
  it('runs once at a time, and once more for any number of calls made during a run', async () => {
    const finish: (() => void)[] = [];
    let inFlight = 0;
    let most = 0;
    const work = coalesced(
      () =>
        new Promise<void>((resolve) => {
          most = Math.max(most, ++inFlight);
          finish.push(() => {
            inFlight--;
            resolve();
          });
        }),
    );
    const calls = [work(), work(), work(), work()];
    await vi.waitFor(() => expect(finish).toHaveLength(1));
    finish[0]();
    await vi.waitFor(() => expect(finish).toHaveLength(2)); // one more run for the three calls
    finish[1]();
    await Promise.all(calls);
    expect(finish).toHaveLength(2);
    expect(most).toBe(1);
  });

  it('a failed run does not stop later calls', async () => {
    let fail = true;
    let runs = 0;
    const work = coalesced(async () => {
      runs++;
      if (fail) throw new Error('offline');
    });
    await expect(work()).rejects.toThrow('offline');
    fail = false;
    await work();
    expect(runs).toBe(2);
  });
});
