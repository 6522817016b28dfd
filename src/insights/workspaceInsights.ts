// The insights' per-day summaries over every digest of the workspace. Each file's facts (papers per day, era, label
// style) come from the workspace index as it parses the file, so nothing is read again for them; the problems per
// day are counted in the background once a dashboard has drawn its first data (in a worker thread where the host has
// one, else read, parse, validate in time slices), and counted again for a file when it changes, before it is shown.
import * as vscode from 'vscode';
import { parseDigest, type DigestDocument, type PaperPlace } from '../digest';
import { DaySummaries, fileFacts, fileProblemCounts, RangeInsights, sameDates, withProblems, type DaySummary, type FileFacts, type SeverityCounts } from '../digest/insights';
import type { DigestService } from '../features/digests';
import { readWorkspaceFile } from '../features/readFile';
import { Disposable } from '../features/dispose';
import type { ValidationService } from '../features/validation';
import type { IndexedFile, WorkspaceIndex } from '../features/workspaceIndex';
import { startWorkerCount, type WorkerCount } from './workerCount';
import type { DateRange } from './protocol';
import { SLICE_MS, yieldToHost } from '../features/timeSlices';

/** Files read at once while counting problems in the host. */
const READ_AHEAD = 16;
/** While problems are counted, the dashboard is told at most this often (each time it redraws). */
const PROGRESS_MS = 1000;

const idsOf = (facts: FileFacts | undefined) => facts?.days.flatMap((d) => d.papers.map((p) => p.id)) ?? [];

/** Whether a file (a URI string) is in one of the workspace's folders. */
const inWorkspace = (key: string): boolean => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(key)) !== undefined;

export class WorkspaceInsights extends Disposable {
  private readonly summaries = new DaySummaries();
  /** Each digest's facts as the index last parsed it, problems not counted. */
  private readonly facts = new Map<string, FileFacts>();
  /** Each digest's problems per day, with the facts they were counted for (a change of the file drops them). */
  private readonly counted = new Map<string, { readonly facts: FileFacts; readonly problems: readonly SeverityCounts[] }>();
  /** Problems are counted: in the background for every file, then again for each change. */
  private counting = false;
  /** A dashboard asked for the count; it begins with the next `days()` after the index is built. */
  private countWanted = false;
  /** Bumped when the rules change: counts begun before are dropped. */
  private rulesVersion = 0;
  /** The worker threads of the count under way. */
  private worker: WorkerCount | undefined;
  /** How many digests the last whole count (the first, or after the rules changed) counted in worker threads (none in the web host, or if they failed). */
  countedInWorkers = 0;
  /** Files changed since the last `days()`, and the papers they had or have (files sharing one count again too). */
  private readonly changedFiles = new Set<string>();
  private readonly changedIds = new Set<string>();
  private aggregates: RangeInsights | undefined;
  /** A `days()` is under way (the summaries are half merged). */
  private busy = false;
  /** The index's first build is done: before it, the summaries hold only part of the workspace. */
  private indexed = false;
  /** One `days()` at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a digest changed, or more problems were counted, once counting has begun. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly digests: DigestService,
    private readonly validation: ValidationService,
    private readonly log: vscode.LogOutputChannel,
    /** The worker bundle for the first count (the web host has no workers); they are stopped when that count ends. */
    private readonly workerFile?: string,
  ) {
    super();
    this.register(index.onDidChangeFile((file) => this.take(file)));
    void index.ready.then(() => (this.indexed = true));
    this.register(validation.onDidChangeRules(() => this.recountAll()));
    this.register({ dispose: () => this.worker?.dispose() });
  }

  /**
   * A file's new entry in the index: its facts at once (the parse is at hand); its problems are counted later. Only
   * the workspace's files count, as `daily-papers stats` over its folders would: the index also holds digests opened
   * from elsewhere (an untitled one, a file outside the folders) for hovers and Go to Paper.
   */
  private take({ key, digest, papers }: IndexedFile): void {
    const old = this.facts.get(key);
    const facts = digest?.hasDayHeader && inWorkspace(key) ? fileFacts(key, digest, [], papers) : undefined;
    if (facts) this.facts.set(key, facts);
    else this.facts.delete(key);
    this.counted.delete(key);
    if (facts) this.summaries.set(facts);
    else this.summaries.delete(key);
    this.worker?.touch([...idsOf(old), ...idsOf(facts)]);
    if (!this.counting) return;
    this.changedFiles.add(key);
    for (const id of [...idsOf(old), ...idsOf(facts)]) this.changedIds.add(id);
    this.changed.fire();
  }

  /**
   * The rules changed (the settings or a folder's `.daily-papers.json`): every digest's problems are counted again,
   * in the background as the first time; until then they count as none and the dashboard says how many are left.
   */
  private recountAll(): void {
    this.rulesVersion++;
    this.counted.clear();
    for (const facts of this.facts.values()) this.summaries.set(facts);
    if (!this.counting) return;
    void this.countAll().catch((e: unknown) => this.log.error(`Insights: counting problems failed: ${String(e)}`));
    this.changed.fire();
  }

  /** Digests whose problems are not counted yet (they count as none until then). */
  get uncounted(): number {
    return this.facts.size - this.counted.size;
  }

  /**
   * Starts counting every digest's problems in the background, once: a dashboard asks when it has drawn its first
   * data (counting meanwhile took a core from the page's first paint). Until then the problems count as none.
   */
  countProblems(): void {
    if (this.countWanted) return;
    this.countWanted = true;
    void this.days();
  }

  /**
   * Every date of the workspace, ascending, once the index is built (the days come at once, with the problems counted
   * so far); once counting has begun, a changed file's problems are counted before it is shown.
   */
  days(): Promise<readonly DaySummary[]> {
    const run = this.queue.then(async () => {
      this.busy = true;
      try {
        await this.index.ready;
        if (this.changedFiles.size) await this.countChanged();
        while (!this.summaries.merge(performance.now() + SLICE_MS)) await yieldToHost();
        if (this.countWanted && !this.counting) {
          this.counting = true;
          void this.countAll().catch((e: unknown) => this.log.error(`Insights: counting problems failed: ${String(e)}`));
        }
        return this.summaries.days();
      } finally {
        this.busy = false;
      }
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * The aggregates of a range, kept from the last dashboard when it showed the same range: a reopened dashboard
   * syncs only what changed meanwhile instead of counting every day again.
   */
  aggregatesFor({ from, to }: DateRange): RangeInsights {
    const kept = this.aggregates;
    if (kept && kept.range.from === (from ?? undefined) && kept.range.to === (to ?? undefined)) return kept;
    return (this.aggregates = new RangeInsights({ from: from ?? undefined, to: to ?? undefined }));
  }

  /**
   * Every date now, when the index is built, no change waits and what is left to merge is merged by `deadline` (a
   * `performance.now()` time); else undefined. A first dashboard on a few hundred digests gets them in one slice.
   */
  current(deadline = Infinity): readonly DaySummary[] | undefined {
    if (!this.indexed || this.busy || this.changedFiles.size > 0 || !this.summaries.merge(deadline)) return undefined;
    return this.summaries.days();
  }

  /** Counts every digest's problems (in the worker if there is one), telling the dashboard now and then. */
  private async countAll(): Promise<void> {
    const started = Date.now();
    const version = this.rulesVersion;
    // Stopped by the rules changing (a new count has begun) as by disposal.
    const stopped = () => this.isDisposed || version !== this.rulesVersion;
    const keys = [...this.facts.keys()];
    const worker = (this.worker = this.workerFile === undefined ? undefined : startWorkerCount(this.workerFile));
    if (worker) {
      try {
        await worker.run(keys, {
          facts: this.facts,
          disposed: stopped,
          isCounted: (key) => this.counted.has(key),
          earliestOf: (id) => this.earliestOf(id),
          configFor: (uri) => this.validation.configFor(uri),
          record: (key, facts, problems) => version === this.rulesVersion && this.record(key, facts, problems),
          progress: this.progress(),
          yieldToHost,
        });
      } catch (e) {
        if (!stopped()) this.log.warn(`Insights: counting problems in the extension host: the worker failed (${String(e)})`);
      } finally {
        if (this.worker === worker) this.worker = undefined;
        worker.dispose();
      }
    }
    if (stopped()) return;
    // What the workers left (open documents, other schemes, files changed meanwhile), or all without them.
    const left = keys.filter((key) => !this.counted.has(key));
    this.countedInWorkers = keys.length - left.length;
    await this.countHere(left);
    this.log.info(`Insights: counted the problems of ${keys.length} digests in ${Date.now() - started} ms${worker ? ` (${this.countedInWorkers} in worker threads)` : ''}`);
    this.changed.fire();
  }

  /** Counts files in the extension host, a few reads at a time, parsing and validating in time slices. */
  private async countHere(keys: readonly string[]): Promise<void> {
    const progress = this.progress();
    const version = this.rulesVersion;
    for (let i = 0; i < keys.length && !this.isDisposed && version === this.rulesVersion; i += READ_AHEAD) {
      // Several reads in flight at once: each is a round trip to the file system provider.
      const chunk = keys.slice(i, i + READ_AHEAD).filter((key) => !this.counted.has(key));
      const sources = await Promise.all(chunk.map((key) => this.source(key)));
      let slice = performance.now();
      for (const [j, key] of chunk.entries()) {
        // Parsed here, one at a time between the slice checks (not all as their reads come in).
        const source = sources[j];
        if (!this.counted.has(key)) await this.count(key, typeof source === 'string' ? parseDigest(source) : source);
        if (performance.now() - slice > SLICE_MS) {
          await yieldToHost();
          slice = performance.now();
        }
      }
      progress();
    }
  }

  /** Tells the dashboard that more problems were counted, at most once a PROGRESS_MS (each time it redraws). */
  private progress(): () => void {
    let told = Date.now();
    return () => {
      if (Date.now() - told <= PROGRESS_MS) return;
      told = Date.now();
      this.changed.fire();
    };
  }

  /** Counts the changed files' problems, and those of the files sharing a paper with them (duplicate-paper). */
  private async countChanged(): Promise<void> {
    const files = new Set(this.changedFiles);
    for (const id of this.changedIds) for (const p of this.index.index.appearances(id)) files.add(p.file);
    this.changedFiles.clear();
    this.changedIds.clear();
    for (const key of files) if (this.facts.has(key)) await this.count(key);
  }

  /** One digest as it is now: the open document's parse when it is open, else the file's text. */
  private async source(key: string): Promise<DigestDocument | string | undefined> {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      return open ? this.digests.getDigest(open) : new TextDecoder().decode(await readWorkspaceFile(vscode.Uri.parse(key)));
    } catch {
      return undefined; // deleted or unreadable: the index says so too
    }
  }

  private async read(key: string): Promise<DigestDocument | undefined> {
    const source = await this.source(key);
    return typeof source === 'string' ? parseDigest(source) : source;
  }

  /** Counts one file's problems per day (read again unless given): what `daily-papers lint` reports for it. */
  private async count(key: string, doc?: DigestDocument): Promise<void> {
    const uri = vscode.Uri.parse(key);
    const version = this.rulesVersion;
    doc ??= await this.read(key);
    const config = await this.validation.configFor(uri);
    const facts = this.facts.get(key);
    // Changed since the index parsed it: the index's next entry for it brings it back here; the rules changed: the
    // count they began counts it again.
    if (!doc || !facts || version !== this.rulesVersion || !sameDates(doc.days.map((d) => d.date), facts)) return;
    this.record(key, facts, fileProblemCounts(doc, uri.path, config, (id) => this.earliestOf(id)));
  }

  private record(key: string, facts: FileFacts, problems: readonly SeverityCounts[]): void {
    this.counted.set(key, { facts, problems });
    this.summaries.set(withProblems(facts, problems));
  }

  /**
   * A paper's earliest place among the workspace's digests (appearances come in date order: the first dated one).
   * A dated appearance is under a day header, so it is one of the digests counted exactly when it has facts.
   */
  private earliestOf(id: string): PaperPlace | undefined {
    const first = this.index.index.appearances(id).find((p) => p.date !== null && this.facts.has(p.file));
    return first && { name: first.file, line: first.line, date: first.date! };
  }
}
