import { describe, expect, it } from 'vitest';
import type { CompanyRecord } from '$lib/pocketbase/types';
import { filterDirectory, hereByCompany, tagsOf } from './community-utils';

const company = (id: string, name: string, fields: Partial<CompanyRecord> = {}) =>
  ({ id, name, about: '', offers: '', seeks: '', tags: [], ...fields }) as unknown as CompanyRecord;
const companies = [
  company('a', 'Ljusa Studion', { tags: ['design'], seeks: 'En PR-byrå', offers: 'Logotyper' }),
  company('b', 'Byrån AB', { tags: ['ekonomi'], seeks: 'Apputvecklare', about: 'Redovisning' }),
  company('c', 'Kod & Kaffe', { tags: ['design', 'it'] }),
];
const people = [
  { id: '1', name: 'Anna', headline: 'Illustratör', company: 'Ljusa Studion', company_id: 'a' },
  { id: '2', name: 'Bo', headline: 'Revisor', company: 'Byrån AB', company_id: 'b' },
  { id: '3', name: 'Cia', headline: 'Frilans', company: '' },
];
const names = (list: { name: string }[]) => list.map((x) => x.name);

describe('the directory search', () => {
  it.each([
    [{ query: '', tag: '', seeks: '' }, ['Ljusa Studion', 'Byrån AB', 'Kod & Kaffe'], ['Anna', 'Bo', 'Cia']],
    [{ query: 'redovis', tag: '', seeks: '' }, ['Byrån AB'], []],
    [{ query: 'REVISOR', tag: '', seeks: '' }, [], ['Bo']],
    [{ query: '', tag: 'design', seeks: '' }, ['Ljusa Studion', 'Kod & Kaffe'], ['Anna']],
    [{ query: '', tag: '', seeks: 'pr' }, ['Ljusa Studion'], ['Anna']],
    [{ query: 'logo', tag: 'design', seeks: '' }, ['Ljusa Studion'], []],
    [{ query: '', tag: 'ekonomi', seeks: 'pr' }, [], []],
  ])('%o', (filter, wantCompanies, wantPeople) => {
    const shown = filterDirectory(companies, people, filter);
    expect(names(shown.companies)).toEqual(wantCompanies);
    expect(names(shown.people)).toEqual(wantPeople);
  });

  it('knows every tag once, sorted', () => {
    expect(tagsOf(companies, 'sv')).toEqual(['design', 'ekonomi', 'it']);
  });
});

describe('here today by company', () => {
  it('groups by company, A–Ö, people without a company last', () => {
    const at = '2026-12-01 08:00:00.000Z';
    const groups = hereByCompany(
      [
        { name: 'Örjan', company: 'Ångström AB', since: at },
        { name: 'Eva', company: '', since: at },
        { name: 'Adam', company: 'Ångström AB', since: at },
        { name: 'Bea', company: 'Zeta', since: at },
      ],
      'sv',
    );
    expect(groups.map((g) => [g.company, names(g.people)])).toEqual([
      ['Zeta', ['Bea']],
      ['Ångström AB', ['Adam', 'Örjan']],
      ['', ['Eva']],
    ]);
  });
});
