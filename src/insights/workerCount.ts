// Counting the workspace's problems in worker threads (the Node extension host): the files on disk that no editor
// has open go to the workers in batches, each with what validation in the host would use (its path, its folder's
// config, its papers' earliest places for `duplicate-paper`); an answer for a file, or a paper of it, that changed
// after its batch was sent is dropped (the host counts that file itself). The web host has none: workerCount.web.ts.
import * as vscode from 'vscode';
import type { PaperPlace, ValidationConfig } from '../digest';
import { sameDates, type FileFacts, type SeverityCounts } from '../digest/insights';
import { startProblemCounter, type CountRequestFile, type ProblemCounter } from './problemCounter';
import { SLICE_MS } from '../features/timeSlices';

/** Files in one batch: a few batches ahead keep the workers busy while the host draws a progress redraw. */
const BATCH = 64;

/** What the insights give the count. */
export interface CountingHost {
  /** Each digest's facts as the index last parsed it. */
  readonly facts: ReadonlyMap<string, FileFacts>;
  disposed(): boolean;
  isCounted(key: string): boolean;
  earliestOf(id: string): PaperPlace | undefined;
  configFor(uri: vscode.Uri): Promise<ValidationConfig>;
  /** A file's problems per day, counted for these facts. */
  record(key: string, facts: FileFacts, problems: readonly SeverityCounts[]): void;
  /** More were counted (the host tells the dashboard now and then). */
  progress(): void;
  yieldToHost(): Promise<void>;
}

export class WorkerCount {
  /** When each paper's files last changed, by `changes`: a count sent before may have used its old places. */
  private readonly touched = new Map<string, number>();
  private changes = 0;

  constructor(private readonly counter: ProblemCounter) {}

  /** The papers of a file that changed (before and after the change). */
  touch(ids: Iterable<string>): void {
    this.changes++;
    for (const id of ids) this.touched.set(id, this.changes);
  }

  /** Counts the files of `keys` on disk that no editor has open; rejects when a worker fails. */
  run(keys: readonly string[], host: CountingHost): Promise<void> {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const onDisk = keys.filter((key) => !open.has(key) && vscode.Uri.parse(key).scheme === 'file');
    let next = 0;
    let slice = performance.now();
    return this.counter.countAll(async () => {
      if (performance.now() - slice > SLICE_MS) {
        await host.yieldToHost();
        slice = performance.now();
      }
      if (next >= onDisk.length || host.disposed()) return undefined;
      const sentAt = this.changes;
      const files = await Promise.all(onDisk.slice(next, (next += BATCH)).map((key) => request(key, host)));
      const facts = files.map((f) => host.facts.get(f.key));
      return {
        files,
        take: (counts) => {
          counts.forEach((count, i) => {
            const sent = facts[i];
            if ('error' in count || !sent || host.facts.get(count.key) !== sent || host.isCounted(count.key)) return;
            if (sent.days.some((d) => d.papers.some((p) => (this.touched.get(p.id) ?? 0) > sentAt))) return;
            if (!sameDates(count.dates, sent)) return;
            host.record(count.key, sent, count.counts);
          });
          host.progress();
        },
      };
    });
  }

  dispose(): void {
    this.counter.dispose();
  }
}

/** What a worker needs to count a file as the host would. */
async function request(key: string, host: CountingHost): Promise<CountRequestFile> {
  const uri = vscode.Uri.parse(key);
  const earliest: [string, PaperPlace][] = [];
  for (const id of new Set(host.facts.get(key)?.days.flatMap((d) => d.papers.map((p) => p.id)))) {
    const place = host.earliestOf(id);
    if (place) earliest.push([id, place]);
  }
  return { key, fsPath: uri.fsPath, path: uri.path, config: await host.configFor(uri), earliest };
}

/** Worker threads for one count (`file`: dist/problemWorker.js). */
export function startWorkerCount(file: string): WorkerCount | undefined {
  return new WorkerCount(startProblemCounter(file));
}
