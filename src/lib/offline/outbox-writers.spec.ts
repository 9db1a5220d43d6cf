// The outbox has one way in (enqueue → addToOutbox) and one owner (outbox.ts): no other module
// opens the outbox store, writes it or takes it into a transaction of its own: outside
// outbox.ts (and db.ts, which creates it) the store's name does not appear in code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
/** The modules that may touch the outbox store: its owner, and the schema that creates it. */
const OWNERS = new Set(['src/lib/offline/outbox.ts', 'src/lib/offline/db.ts']);

/**
 * Lines of `source` (comments aside) that name the outbox store: every way to reach it does
 * (db.add/put/delete('outbox'…), objectStore('outbox'), a transaction over it, a name kept in a
 * constant or an array of stores), so outside its owner the name must not appear at all.
 */
function outboxWrites(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return code.split('\n').filter((line) => /(['"`])outbox\1/.test(line));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : sources(full);
    return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('the outbox has one way in', () => {
  it('finds the ways a module could write the store itself', () => {
    // what door.service, registrations.service and admitWalkIn did before enqueue
    expect(outboxWrites(`const tx = runtime.db.transaction(['registrations', 'outbox'], 'readwrite');`)).toHaveLength(1);
    expect(outboxWrites(`const stores = ['doorScans', 'outbox'] as const;\nconst tx = db.transaction(stores, 'readwrite');`)).toHaveLength(
      1,
    );
    expect(outboxWrites(`if (op) writes.push(tx.objectStore('outbox').add(newEntry(op)));`)).toHaveLength(1);
    expect(outboxWrites(`await runtime.db.add('outbox', newEntry({ kind: 'walk-in', walkIn }));`)).toHaveLength(1);
    expect(outboxWrites(`await db.put("outbox", entry); db.transaction(\`outbox\`, 'readwrite')`)).toHaveLength(1);
    expect(
      outboxWrites(`await enqueue(op, { stores: ['registrations'], write: (tx) => tx.objectStore('registrations').put(local) });`),
    ).toEqual([]);
    expect(outboxWrites(`// keep the scan durably in the 'outbox' (before the verdict shows)\n/* the 'outbox' store */`)).toEqual([]);
  });

  it('no module but outbox.ts reaches the outbox store (db.ts only creates it)', () => {
    const found = sources(path.join(ROOT, 'src'))
      .map((file) => ({ file: path.relative(ROOT, file), lines: outboxWrites(fs.readFileSync(file, 'utf8')) }))
      .filter(({ lines }) => lines.length > 0);
    expect(found.filter(({ file }) => !OWNERS.has(file))).toEqual([]);
    expect(found.map(({ file }) => file).sort()).toEqual([...OWNERS].sort());
  });
});
