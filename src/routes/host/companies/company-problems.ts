// The company form's refusals, field by field: the server's field codes (PocketBase's own,
// the logo checks', and any code added later) become "field: problem" in the host's language.
import { m } from '$lib/i18n';

export type CompanyField = 'name' | 'about' | 'website' | 'seat' | 'logo';
export type CompanyProblemKind = 'missing' | 'too_long' | 'not_address' | 'taken' | 'file_type' | 'file_size' | 'other';
export interface CompanyProblem {
  field: CompanyField | 'form';
  kind: CompanyProblemKind;
}

const FIELDS: CompanyField[] = ['name', 'about', 'website', 'seat', 'logo'];

/** What a field code says, whatever its exact name (so a new code still lands on its field). */
export function problemKind(code: string): CompanyProblemKind {
  if (code === 'validation_required' || code === 'validation_missing_value') return 'missing';
  if (code === 'validation_not_unique') return 'taken';
  if (/url|format/.test(code)) return 'not_address';
  if (/size|too_large|too_big|dimension|pixels/.test(code)) return 'file_size';
  if (/mime|type|disguis/.test(code)) return 'file_type';
  if (/length|max_text/.test(code)) return 'too_long';
  return 'other';
}

/** Every field the server refused, in the form's order; unknown fields count for the form. */
export function companyProblems(data: Record<string, { code?: string } | undefined>): CompanyProblem[] {
  const problems: CompanyProblem[] = [];
  for (const field of FIELDS) {
    const code = data[field]?.code;
    if (code) problems.push({ field, kind: problemKind(code) });
  }
  for (const [field, error] of Object.entries(data)) {
    if (!FIELDS.includes(field as CompanyField) && error?.code) problems.push({ field: 'form', kind: problemKind(error.code) });
  }
  return problems;
}

const fieldName: Record<CompanyField | 'form', () => string> = {
  name: m.host_company_name,
  about: m.host_company_about,
  website: m.host_company_website,
  seat: m.host_company_seat,
  logo: m.host_company_logo_field,
  form: m.host_company_form_field,
};

const kindText: Record<CompanyProblemKind, () => string> = {
  missing: m.host_company_problem_missing,
  too_long: m.host_company_problem_too_long,
  not_address: m.host_company_problem_not_address,
  taken: m.host_company_problem_taken,
  file_type: m.host_company_problem_file_type,
  file_size: m.host_company_problem_file_size,
  other: m.host_company_problem_other,
};

export function companyProblemText(problem: CompanyProblem): string {
  return m.host_company_problem({ field: fieldName[problem.field](), problem: kindText[problem.kind]() });
}
