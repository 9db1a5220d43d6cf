// The venue's numbers for hosts (GET /api/coffice/insights, pb_hooks/lib/insights.js) over a
// period of venue days, the periods a host usually asks for, and the monthly table as CSV.
import { ClientResponseError } from 'pocketbase';
import { failureReason, pb, type FailureReason } from '$lib/pocketbase/client';

export interface Insights {
  from: string;
  to: string;
  events_held: number;
  events_cancelled: number;
  participants: number;
  participants_per_event: number;
  visits: number;
  /** Monday (1) to Sunday (7); `days` is how many such days of the period have been */
  visits_by_weekday: { weekday: number; visits: number; days: number; average: number }[];
  /** the first venue day the weekday averages count (the front door's first admission, or the
   * period's start); null when the door recorded nobody before the period ended */
  counted_from: string | null;
  new_companies: number;
  members: number;
  months: { month: string; events: number; participants: number; visits: number }[];
}

export type InsightsResult = { ok: true; insights: Insights } | { ok: false; reason: FailureReason };

export async function loadInsights(from: string, to: string): Promise<InsightsResult> {
  try {
    const query = new URLSearchParams({ from, to });
    return { ok: true, insights: await pb.send<Insights>(`/api/coffice/insights?${query}`, { method: 'GET', requestKey: null }) };
  } catch (error) {
    if (error instanceof ClientResponseError && error.status === 400) return { ok: false, reason: 'invalid' };
    return { ok: false, reason: failureReason(error) };
  }
}

export const PRESETS = ['month', 'last12', 'year', 'lastYear'] as const;
export type Preset = (typeof PRESETS)[number];

/** The period of a preset, in venue days (YYYY-MM-DD, both included), seen from `today`. */
export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  const firstOf = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  switch (preset) {
    case 'month':
      return { from: firstOf(year, month), to: today };
    case 'last12':
      return { from: firstOf(year, month - 11), to: today };
    case 'year':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/**
 * The monthly table as CSV for a spreadsheet: semicolons and a byte order mark, as the
 * participants list (Excel set to Swedish expects both).
 */
export function monthsCsv(insights: Insights, header: [string, string, string, string]): string {
  const rows = [header.join(';'), ...insights.months.map((m) => [m.month, m.events, m.participants, m.visits].join(';'))];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
