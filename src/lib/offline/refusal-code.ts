// The code of a server's refusal, from PocketBase's `data: {field: {code, message}}` (the hooks'
// codes: pb_hooks/lib/refuse.js, docs/DECISIONS.md). The app words codes, never the message.
import { ClientResponseError } from 'pocketbase';

/** The first field code of a refusal; undefined when the answer carries none (or is no refusal). */
export function refusalCode(error: unknown): string | undefined {
  if (!(error instanceof ClientResponseError)) return undefined;
  const data = (error.response?.data ?? {}) as Record<string, { code?: unknown } | null | undefined>;
  for (const field of Object.values(data)) {
    if (typeof field?.code === 'string' && field.code !== '') return field.code;
  }
  return undefined;
}
