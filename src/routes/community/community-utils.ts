// Pure helpers of /community: "here today" grouped by company, and the directory's search.
import type { CompanyRecord } from '$lib/pocketbase/types';
import type { HerePerson, ListedPerson } from '$lib/services/community.service';

export interface HereGroup {
  /** '' for people without a company */
  company: string;
  people: HerePerson[];
}

/** People here, by company (companies A–Ö, those without one last), names sorted. */
export function hereByCompany(people: HerePerson[], locale: string): HereGroup[] {
  const groups = new Map<string, HerePerson[]>();
  for (const person of people) groups.set(person.company, [...(groups.get(person.company) ?? []), person]);
  const compare = (a: string, b: string) => a.localeCompare(b, locale);
  return [...groups.entries()]
    .map(([company, members]) => ({ company, people: members.sort((a, b) => compare(a.name, b.name)) }))
    .sort((a, b) => (a.company === '' ? 1 : b.company === '' ? -1 : compare(a.company, b.company)));
}

export interface DirectoryFilter {
  /** free text: names, about, offers, headlines */
  query: string;
  /** a company tag, or '' for any */
  tag: string;
  /** words in what a company looks for */
  seeks: string;
}

const fold = (text: string) => text.toLocaleLowerCase('sv').normalize('NFC').trim();
const has = (text: string | undefined, words: string) => fold(text ?? '').includes(words);

/** Every tag the companies use, sorted. */
export function tagsOf(companies: CompanyRecord[], locale: string): string[] {
  return [...new Set(companies.flatMap((c) => c.tags ?? []))].sort((a, b) => a.localeCompare(b, locale));
}

/**
 * The companies and people that match. A tag or "seeks" filter is about companies: people then
 * show when their company matches. The free text matches either on its own.
 */
export function filterDirectory(companies: CompanyRecord[], people: ListedPerson[], filter: DirectoryFilter) {
  const query = fold(filter.query);
  const seeks = fold(filter.seeks);
  const byFilters = (c: CompanyRecord) => (!filter.tag || (c.tags ?? []).includes(filter.tag)) && (!seeks || has(c.seeks, seeks));
  const companyText = (c: CompanyRecord) => [c.name, c.about, c.offers, c.seeks, ...(c.tags ?? [])].some((t) => has(t, query));
  const shownCompanies = companies.filter((c) => byFilters(c) && (!query || companyText(c)));
  const filtered = filter.tag !== '' || seeks !== '';
  const allowed = new Set(companies.filter(byFilters).map((c) => c.id));
  const shownPeople = people.filter(
    (p) =>
      (!filtered || (p.company_id !== undefined && allowed.has(p.company_id))) &&
      (!query || [p.name, p.headline, p.company].some((t) => has(t, query))),
  );
  return { companies: shownCompanies, people: shownPeople };
}
