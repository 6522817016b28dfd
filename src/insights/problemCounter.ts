// Counting problems off the extension host's thread (the Node host): a worker thread reads, parses and validates
// digests with the same core and configuration, and answers with each file's problems per day. It has its own heap,
// so the garbage of 5,000 parses no longer stops the host (a 320 ms collection was its longest block) and it runs on
// another core. Without `vscode`, so unit tests drive it; workerCount.ts feeds it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PaperPlace, ValidationConfig } from '../digest';
import type { SeverityCounts } from '../digest/insights';

/** One digest to count: read from `fsPath`; `path` and `config` as validation in the host would use them. */
export interface CountRequestFile {
  readonly key: string;
  readonly fsPath: string;
  readonly path: string;
  readonly config: ValidationConfig;
  /** The earliest place elsewhere in the workspace of each of its papers that has one (for `duplicate-paper`). */
  readonly earliest: readonly (readonly [string, PaperPlace])[];
}

/** A file's problems per day with the dates they were counted for; `error` when it could not be read or counted. */
export type FileCount = { readonly key: string; readonly dates: readonly string[]; readonly counts: readonly SeverityCounts[] } | { readonly key: string; readonly error: string };

export interface CountRequest {
  readonly batch: number;
  readonly files: readonly CountRequestFile[];
}

export interface CountReply {
  readonly batch: number;
  readonly counts: readonly FileCount[];
}

/** A batch to count, and what to do with its counts (in the same order as its files). */
export interface CountBatch {
  readonly files: readonly CountRequestFile[];
  take(counts: readonly FileCount[]): void;
}

/** Batches sent ahead of the worker's answers: it never waits for the host, and the host never holds many. */
const BATCHES_AHEAD = 4;

export class ProblemCounter {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve(counts: readonly FileCount[]): void; reject(e: Error): void }>();
  private batches = 0;
  private failure: Error | undefined;

  /** `file`: the worker's bundle (dist/problemWorker.js); `threads`: how many workers share the batches. */
  constructor(file: string, threads = 1) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(file);
      worker.on('message', ({ batch, counts }: CountReply) => {
        this.pending.get(batch)?.resolve(counts);
        this.pending.delete(batch);
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => this.fail(new Error(`the worker stopped (exit code ${code})`)));
      return worker;
    });
  }

  /** Counts a batch; rejects once a worker failed or stopped (every batch still waiting too). */
  count(files: readonly CountRequestFile[]): Promise<readonly FileCount[]> {
    if (this.failure) return Promise.reject(this.failure);
    const batch = this.batches++;
    const answer = new Promise<readonly FileCount[]>((resolve, reject) => this.pending.set(batch, { resolve, reject }));
    this.workers[batch % this.workers.length].postMessage({ batch, files } satisfies CountRequest);
    return answer;
  }

  /** Counts every batch `next` gives until it gives none; rejects when the worker fails (no batch left unanswered). */
  async countAll(next: () => Promise<CountBatch | undefined>): Promise<void> {
    const inFlight: Promise<void>[] = [];
    try {
      for (let batch = await next(); batch; batch = await next()) {
        inFlight.push(this.count(batch.files).then(batch.take));
        if (inFlight.length >= BATCHES_AHEAD * this.workers.length) await inFlight.shift();
      }
      await Promise.all(inFlight);
    } finally {
      await Promise.allSettled(inFlight);
    }
  }

  dispose(): void {
    this.fail(new Error('the workers were disposed'));
    for (const worker of this.workers) void worker.terminate();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
  }
}

/** Workers that count problems: one per core beyond the host's own, at most three (two cores: one worker). */
export function startProblemCounter(file: string): ProblemCounter {
  return new ProblemCounter(file, Math.max(1, Math.min(3, availableParallelism() - 1)));
}
