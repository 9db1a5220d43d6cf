// Words for a server's refusal of a registration (its messages are in English). Apart from
// $lib/i18n: a refusal is rare, so the screens load these words only when one is shown.
import { m } from '$lib/i18n';

/** Words for a server's refusal of a registration (its messages are in English). */
export function refusalText(serverMessage: string | undefined): string {
  const text = serverMessage ?? '';
  if (/already registered/i.test(text)) return m.refusal_already_registered();
  if (/already ended/i.test(text)) return m.refusal_ended();
  if (/cancelled/i.test(text)) return m.refusal_cancelled();
  if (/not published/i.test(text)) return m.refusal_unpublished();
  if (/does not exist/i.test(text)) return m.refusal_gone(); // also a draft, to all but hosts
  if (/auth|sign/i.test(text)) return m.refusal_signed_out();
  return m.refusal_other({ message: text });
}
