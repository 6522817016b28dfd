// Timing helpers: a warm-up, then repetitions timed with process.hrtime.bigint; the median is the figure we report.
import os from 'node:os';

export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly warmup: number;
  readonly reps: number;
  /** Every timed repetition, in milliseconds, in the order they ran. */
  readonly samples: number[];
}

export interface Plan {
  readonly warmup: number;
  readonly reps: number;
  /**
   * Timed calls in a row at each turn (default 1), each a sample: keystrokes come one after another, so only the
   * first of a burst runs right after the other side's 1 MB parse and pays for collecting its garbage.
   */
  readonly burst?: number;
}

/** Keeps results alive so that the engine cannot drop a parse whose value is never read. */
let sink: unknown;
export function consume(value: unknown): void {
  sink = value;
}
/** The last consumed value (the sink must be readable, or it would be dead). */
export const consumed = (): unknown => sink;

const gcFn = (globalThis as { gc?: () => void }).gc;
export const hasGc = typeof gcFn === 'function';

/**
 * A full collection between cases (when node runs with --expose-gc), so that one case's garbage is not billed to
 * the next; the sink is emptied first, or it would keep the last result (a whole remark tree) alive.
 */
export function collect(): void {
  sink = undefined;
  gcFn?.();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(samples: number[], plan: Plan): Stats {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), warmup: plan.warmup, reps: samples.length, samples };
}

/** Runs `fn` `plan.warmup` times untimed, then `plan.reps` times timed, back to back; collects garbage first. */
export function measure(fn: () => unknown, plan: Plan): Stats {
  collect();
  for (let i = 0; i < plan.warmup; i++) consume(fn());
  const samples: number[] = [];
  for (let i = 0; i < plan.reps; i++) {
    const t0 = process.hrtime.bigint();
    const value = fn();
    const t1 = process.hrtime.bigint();
    consume(value);
    samples.push(Number(t1 - t0) / 1e6);
  }
  return summarize(samples, plan);
}

/**
 * Runs several functions alternately in ABBA order (A B, then B A, …) after their warm-ups, so that a drift in the
 * machine's load or a warmer JIT favours none of them. A function with fewer repetitions than the longest is timed
 * at evenly spaced rounds over the whole run, not only at its start.
 */
export function measureAlternating(fns: readonly (() => unknown)[], plans: readonly Plan[]): Stats[] {
  collect();
  fns.forEach((fn, i) => {
    for (let w = 0; w < plans[i].warmup; w++) consume(fn());
  });
  const rounds = Math.max(...plans.map((p) => p.reps));
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...fns.keys()].reverse() : [...fns.keys()];
    for (const i of order) {
      // Due in this round when its share of the rounds passes a whole number.
      if (Math.floor(((r + 1) * plans[i].reps) / rounds) === Math.floor((r * plans[i].reps) / rounds)) continue;
      for (let b = 0; b < (plans[i].burst ?? 1); b++) {
        const t0 = process.hrtime.bigint();
        const value = fns[i]();
        const t1 = process.hrtime.bigint();
        consume(value);
        samples[i].push(Number(t1 - t0) / 1e6);
      }
    }
  }
  return samples.map((s, i) => summarize(s, plans[i]));
}

/** Times a single call (no warm-up): for first-call figures. */
export function timeOnce(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  consume(fn());
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export interface FilesStats {
  /** Wall time of one pass over all files, per repetition. */
  readonly total: Stats;
  /** Median time of each file over the repetitions, in the order of the files. */
  readonly perFile: number[];
}

/** A workspace pass: `fn` on every file, one by one; each file is timed, and so is the whole pass. */
export function measureFiles(texts: readonly string[], fn: (text: string) => unknown, plan: Plan): FilesStats {
  collect();
  for (let i = 0; i < plan.warmup; i++) for (const t of texts) consume(fn(t));
  const totals: number[] = [];
  const perFile: number[][] = texts.map(() => []);
  for (let r = 0; r < plan.reps; r++) {
    const start = process.hrtime.bigint();
    for (let f = 0; f < texts.length; f++) {
      const t0 = process.hrtime.bigint();
      const value = fn(texts[f]);
      perFile[f].push(Number(process.hrtime.bigint() - t0) / 1e6);
      consume(value);
    }
    totals.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { total: summarize(totals, plan), perFile: perFile.map(median) };
}

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly totalMemGB: number;
  readonly platform: string;
  readonly arch: string;
  readonly node: string;
  readonly v8: string;
  readonly exposeGc: boolean;
  readonly date: string;
  /** 1/5/15-minute load averages when the run started: above `cores`, other work competed for the CPU. */
  readonly loadAverage: number[];
}

export const loadAverage = (): number[] => os.loadavg().map((l) => Math.round(l * 100) / 100);

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    node: process.version,
    v8: process.versions.v8,
    exposeGc: hasGc,
    date: new Date().toISOString(),
    loadAverage: loadAverage(),
  };
}
