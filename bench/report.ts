// The results table, the target checks (PASS/MISS lines, never an exit code) and bench/results.json.
import fs from 'node:fs';
import path from 'node:path';
import { BASELINES, type BaselineId } from './baselines';
import type { MachineInfo, Stats } from './measure';

export type CaseId = 'a' | 'b' | 'c' | 'd';

export interface CaseResult {
  readonly id: CaseId;
  readonly label: string;
  readonly input: Record<string, string | number>;
  readonly ours: Stats;
  readonly baselines: Partial<Record<BaselineId, Stats>>;
  readonly note?: string;
}

export interface Target {
  readonly id: CaseId;
  readonly description: string;
  readonly pass: boolean;
  readonly detail: string;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(2);
  return ms.toFixed(1);
}

/** The median with the spread of the timed repetitions: `median (min–max)`. */
export function fmtSpread(s: Stats): string {
  return `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)})`;
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return '-';
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

/** Baseline median / our median: how many times faster we are. */
export function ratio(c: CaseResult, id: BaselineId): number {
  const b = c.baselines[id];
  return b ? b.median / c.ours.median : NaN;
}

export function formatTable(cases: readonly CaseResult[]): string {
  const header = ['case', 'ours ms (min–max)', ...BASELINES.flatMap((b) => [`${b.label} ms (min–max)`, '×faster'])];
  const rows = cases.map((c) => [
    `(${c.id}) ${c.label}`,
    fmtSpread(c.ours),
    ...BASELINES.flatMap((b) => {
      const stats = c.baselines[b.id];
      return [stats ? fmtSpread(stats) : '-', fmtRatio(ratio(c, b.id))];
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatTarget(t: Target): string {
  return `${t.pass ? 'PASS' : 'MISS'} (${t.id}) ${t.description}: ${t.detail}`;
}

/** bench/results.json next to this module's sources (the bundle runs from dist/, a sibling of bench/). */
export function resultsPath(): string {
  return path.resolve(__dirname, '..', 'bench', 'results.json');
}

export function writeResults(data: { machine: MachineInfo } & Record<string, unknown>): string {
  const file = resultsPath();
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}
