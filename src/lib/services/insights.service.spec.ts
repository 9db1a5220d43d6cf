import { describe, expect, it } from 'vitest';
import { monthsCsv, presetPeriod, type Insights } from './insights.service';

describe('presetPeriod', () => {
  it.each([
    ['month', '2026-11-28', '2026-11-01', '2026-11-28'],
    ['last12', '2026-11-28', '2025-12-01', '2026-11-28'],
    ['last12', '2026-01-15', '2025-02-01', '2026-01-15'],
    ['year', '2026-11-28', '2026-01-01', '2026-11-28'],
    ['lastYear', '2026-11-28', '2025-01-01', '2025-12-31'],
  ] as const)('%s seen from %s is %s to %s', (preset, today, from, to) => {
    expect(presetPeriod(preset, today)).toEqual({ from, to });
  });
});

it('monthsCsv writes one row a month with semicolons and a byte order mark', () => {
  const insights = {
    months: [
      { month: '2026-10', events: 9, participants: 180, visits: 240 },
      { month: '2026-11', events: 11, participants: 205, visits: 251 },
    ],
  } as Insights;
  expect(monthsCsv(insights, ['Månad', 'Evenemang', 'Deltagare', 'Besök'])).toBe(
    '\uFEFFMånad;Evenemang;Deltagare;Besök\r\n2026-10;9;180;240\r\n2026-11;11;205;251\r\n',
  );
});
