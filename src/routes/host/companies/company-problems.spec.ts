import { describe, expect, it } from 'vitest';
import { companyProblems, problemKind } from './company-problems';

describe('company form refusals', () => {
  it.each([
    ['validation_required', 'missing'],
    ['validation_invalid_url', 'not_address'],
    ['validation_max_text_constraint', 'too_long'],
    ['validation_not_unique', 'taken'],
    ['validation_file_size_limit', 'file_size'],
    ['logo_too_large', 'file_size'],
    ['validation_invalid_mime_type', 'file_type'],
    ['something_new', 'other'],
  ])('%s → %s', (code, kind) => {
    expect(problemKind(code)).toBe(kind);
  });

  it('names every refused field in the form order, unknown fields last', () => {
    expect(
      companyProblems({ website: { code: 'validation_invalid_url' }, name: { code: 'validation_required' }, extra: { code: 'x' } }),
    ).toEqual([
      { field: 'name', kind: 'missing' },
      { field: 'website', kind: 'not_address' },
      { field: 'form', kind: 'other' },
    ]);
  });
});
