// bench/RESULTS.md: what `npm run bench` printed, kept per benchmark, with SVG plots.
// Every benchmark prints its tables with printTable (already Markdown); run.mjs wraps each
// one in beginBench/endBench, so the printed lines become that benchmark's section. A run of
// some benchmarks replaces only their sections and keeps the others (each section says when
// and where it was measured). recordPlot draws a line chart to bench/results/<id>.svg and
// links it in the section.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const RESULTS_FILE = path.join(here, 'RESULTS.md');
const PLOTS_DIR = path.join(here, 'results');

/** @type {{ name: string, lines: string[] } | null} */
let current = null;
/** @type {Map<string, string>} */
const finished = new Map();
const consoleLog = console.log;

/** Starts collecting what the benchmark `name` prints. */
export function beginBench(name) {
  current = { name, lines: [] };
  console.log = (...args) => {
    consoleLog(...args);
    current?.lines.push(args.map(String).join(' '));
  };
}

/** Ends the section of the benchmark begun last. */
export function endBench() {
  if (!current) return;
  console.log = consoleLog;
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const where = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  const body = current.lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  finished.set(current.name, `## ${current.name}\n\n_Measured ${when} UTC on ${where}._\n\n${body}\n`);
  current = null;
}

/**
 * Draws a line chart to bench/results/<id>.svg and links it in the current section.
 * @param {{ id: string, title: string, xLabel: string, yLabel: string,
 *   series: { name: string, points: [number, number][] }[], logX?: boolean }} plot
 */
export function recordPlot(plot) {
  fs.mkdirSync(PLOTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(PLOTS_DIR, `${plot.id}.svg`), lineChart(plot));
  console.log(`\n![${plot.title}](results/${plot.id}.svg)\n`);
}

/** Writes bench/RESULTS.md: this run's sections in `order`, other sections kept from before. */
export function writeResults(order) {
  const kept = new Map();
  if (fs.existsSync(RESULTS_FILE)) {
    const old = fs.readFileSync(RESULTS_FILE, 'utf8');
    for (const match of old.matchAll(/<!-- bench:([\w-]+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)) kept.set(match[1], match[2]);
  }
  const sections = order
    .map((name) => [name, finished.get(name) ?? kept.get(name)])
    .filter(([, text]) => text)
    .map(([name, text]) => `<!-- bench:${name} -->\n${text}<!-- /bench:${name} -->`);
  const head =
    '# Benchmark results\n\nWritten by `npm run bench` (`npm run bench -- NAME` replaces only that section). ' +
    'Every figure stands beside its baseline, measured in the same run on the same machine; ' +
    'the machines are shared, so compare figures within a table, not across sections.\n';
  fs.writeFileSync(RESULTS_FILE, `${head}\n${sections.join('\n\n')}\n`);
}

const COLOURS = ['#1f6f8b', '#c0392b', '#27ae60', '#8e44ad', '#d35400', '#2c3e50'];

/** A plain SVG line chart: axes with rounded ticks, one line and dots per series, a legend. */
export function lineChart({ title, xLabel, yLabel, series, logX = false }) {
  const W = 640;
  const H = 360;
  const m = { left: 64, right: 16, top: 40, bottom: 56 };
  const all = series.flatMap((s) => s.points);
  const fx = (/** @type {number} */ x) => (logX ? Math.log10(Math.max(x, 1e-9)) : x);
  const xs = all.map(([x]) => fx(x));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs) === xMin ? xMin + 1 : Math.max(...xs);
  const yMax = niceCeil(Math.max(...all.map(([, y]) => y), 1e-9));
  const px = (/** @type {number} */ x) => m.left + ((fx(x) - xMin) / (xMax - xMin)) * (W - m.left - m.right);
  const py = (/** @type {number} */ y) => H - m.bottom - (y / yMax) * (H - m.top - m.bottom);
  const esc = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const y = (yMax * i) / 4;
    out.push(
      `<line x1="${m.left}" x2="${W - m.right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`,
      `<text x="${m.left - 6}" y="${py(y) + 4}" text-anchor="end">${round(y)}</text>`,
    );
  }
  const xTicks = [...new Set(all.map(([x]) => x))].sort((a, b) => a - b);
  const step = Math.ceil(xTicks.length / 8);
  xTicks
    .filter((_, i) => i % step === 0)
    .forEach((x) => out.push(`<text x="${px(x)}" y="${H - m.bottom + 18}" text-anchor="middle">${round(x)}</text>`));
  out.push(
    `<line x1="${m.left}" x2="${W - m.right}" y1="${H - m.bottom}" y2="${H - m.bottom}" stroke="#333"/>`,
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}" stroke="#333"/>`,
    `<text x="${(m.left + W - m.right) / 2}" y="${H - 14}" text-anchor="middle">${esc(xLabel)}${logX ? ' (log scale)' : ''}</text>`,
    `<text transform="translate(16 ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = [...s.points].sort((a, b) => a[0] - b[0]);
    out.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`,
      ...points.map(([x, y]) => `<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${colour}"/>`),
      `<rect x="${m.left + 12}" y="${m.top + 4 + i * 16}" width="10" height="10" fill="${colour}"/>`,
      `<text x="${m.left + 28}" y="${m.top + 13 + i * 16}">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function niceCeil(/** @type {number} */ v) {
  const e = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((f) => f * e).find((c) => c >= v) ?? 10 * e;
}

function round(/** @type {number} */ v) {
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : Number(v.toPrecision(3)).toString();
}
