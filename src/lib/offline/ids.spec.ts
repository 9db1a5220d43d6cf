import { describe, expect, it } from 'vitest';
import { newRecordId, RECORD_ID } from './ids';

describe('record ids made on the device', () => {
  it('have PocketBase’s shape and do not repeat', () => {
    const ids = Array.from({ length: 5000 }, newRecordId);
    for (const id of ids) expect(id).toMatch(RECORD_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
