// Record ids chosen on the device (PocketBase's format: 15 characters a–z0–9), so a write
// replayed from the outbox is recognised by the server instead of stored twice.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newRecordId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  // 252 = 7 × 36: rejecting bytes above it keeps every character equally likely
  let id = '';
  for (const byte of bytes) id += byte < 252 ? ALPHABET[byte % 36] : '';
  return id.length === 15 ? id : (id + newRecordId()).slice(0, 15);
}

export const RECORD_ID = /^[a-z0-9]{15}$/;
