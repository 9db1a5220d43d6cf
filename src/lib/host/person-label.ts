// How hosts see a person in their lists: a walk-in's placeholder address is not an address,
// and an account without a name was never finished (someone asked for a code and left).

/** The address given to a walk-in who had none (pb_hooks/lib/door-walkin.js). */
const WALK_IN = /@walk-in\.invalid$/i;

export type PersonKind = 'named' | 'walk_in' | 'unfinished';

export interface PersonLabel {
  kind: PersonKind;
  /** the name, or empty when there is none */
  name: string;
  /** a real address to show, or empty (a walk-in's placeholder is never shown) */
  email: string;
}

export function personLabel(person: { name?: string; email?: string } | undefined | null): PersonLabel {
  const name = (person?.name ?? '').trim();
  const email = person?.email ?? '';
  if (WALK_IN.test(email)) return { kind: 'walk_in', name, email: '' };
  return { kind: name ? 'named' : 'unfinished', name, email };
}
