// Hosts decide who is who: find people, set their role, assign their company. The server
// refuses all of this to anyone but a host; the member pass follows the role there.
import { pb } from '$lib/pocketbase/client';
import type { CompanyRecord, Role, UserRecord } from '$lib/pocketbase/types';
import { accountReason, type AccountResult } from './account-reasons';

export type Person = UserRecord & { expand?: { company?: CompanyRecord } };

/** Deleted accounts stay as nameless records (docs/DECISIONS.md); hosts never list them. */
export const NOT_DELETED = "email !~ '@deleted.invalid'";

export async function findPeople(query: string): Promise<AccountResult<{ people: Person[] }>> {
  const q = query.trim();
  const filter = q ? pb.filter(`${NOT_DELETED} && (name ~ {:q} || email ~ {:q})`, { q }) : NOT_DELETED;
  try {
    const page = await pb.collection('users').getList<Person>(1, 100, { filter, sort: 'name,email', expand: 'company' });
    return { ok: true, people: page.items };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}

export async function setRole(userId: string, role: Role): Promise<AccountResult<{ person: Person }>> {
  return updatePerson(userId, { role });
}

export async function setCompany(userId: string, companyId: string): Promise<AccountResult<{ person: Person }>> {
  return updatePerson(userId, { company: companyId });
}

async function updatePerson(userId: string, fields: Partial<UserRecord>): Promise<AccountResult<{ person: Person }>> {
  try {
    const person = await pb.collection('users').update<Person>(userId, fields, { expand: 'company' });
    return { ok: true, person };
  } catch (error) {
    return { ok: false, reason: accountReason(error) };
  }
}
