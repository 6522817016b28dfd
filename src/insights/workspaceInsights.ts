// The insights' per-day summaries over every digest of the workspace index: built on first use (in time
// slices), then kept current from the index's per-file changes, re-reading only the files a change touches.
import * as vscode from 'vscode';
import { duplicatePaperProblems, parseDigest, validate, type DigestDocument } from '../digest';
import { DaySummaries, fileFacts, RangeInsights, type DaySummary } from '../digest/insights';
import type { DigestService } from '../features/digests';
import { Disposable } from '../features/dispose';
import type { ValidationService } from '../features/validation';
import type { WorkspaceIndex } from '../features/workspaceIndex';
import type { DateRange } from './protocol';

/** The longest a load may hold the extension host before yielding (as the index does). */
const SLICE_MS = 20;
/** Files read at once while loading. */
const READ_AHEAD = 16;
// setTimeout, not setImmediate: the web extension host (a Web Worker) has no setImmediate.
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WorkspaceInsights extends Disposable {
  private readonly summaries = new DaySummaries();
  /** The paper IDs each file had when last read: a change re-counts the duplicates of the files sharing them. */
  private readonly idsByFile = new Map<string, readonly string[]>();
  private readonly pending = new Set<string>();
  private loaded = false;
  private aggregates: RangeInsights | undefined;
  /** A load or update is under way (the summaries are half done). */
  private busy = false;
  /** One load or update at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a digest changed after the first load (the summaries update on the next `days()`). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly digests: DigestService,
    private readonly validation: ValidationService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(
      index.onDidChangeFile((key) => {
        // Before the first load nothing is kept, so there is nothing to update.
        if (!this.loaded) return;
        this.pending.add(key);
        this.changed.fire();
      }),
    );
  }

  /** Every date of the workspace, ascending: the first call reads every digest, later ones only what changed. */
  days(): Promise<readonly DaySummary[]> {
    const run = this.queue.then(async () => {
      this.busy = true;
      try {
        if (!this.loaded) await this.loadAll();
        if (this.pending.size) await this.applyPending();
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

  /** Every date now, when nothing is left to read (the digests were read and no change waits); else undefined. */
  current(): readonly DaySummary[] | undefined {
    return this.loaded && this.pending.size === 0 && !this.busy ? this.summaries.days() : undefined;
  }

  private async loadAll(): Promise<void> {
    await this.index.ready;
    this.loaded = true; // from here on, changes are queued in `pending`
    const started = Date.now();
    const files = new Set<string>();
    for (const p of this.index.index.papers()) files.add(p.file);
    const keys = [...files];
    let slice = Date.now();
    for (let i = 0; i < keys.length; i += READ_AHEAD) {
      // Several reads in flight at once: each is a round trip to the file system provider.
      const chunk = keys.slice(i, i + READ_AHEAD);
      const docs = await Promise.all(chunk.map((key) => this.read(key)));
      for (const [j, key] of chunk.entries()) {
        await this.refresh(key, docs[j]);
        if (Date.now() - slice > SLICE_MS) {
          await yieldToHost();
          slice = Date.now();
        }
      }
    }
    this.log.info(`Insights: read ${files.size} digests in ${Date.now() - started} ms`);
  }

  private async applyPending(): Promise<void> {
    const changed = [...this.pending];
    this.pending.clear();
    const ids = new Set(changed.flatMap((key) => this.idsByFile.get(key) ?? []));
    for (const key of changed) await this.refresh(key);
    for (const key of changed) for (const id of this.idsByFile.get(key) ?? []) ids.add(id);
    // Files sharing a paper with a changed one: their duplicate-paper problems may have come or gone.
    const sharing = new Set<string>();
    for (const id of ids) for (const p of this.index.index.appearances(id)) if (!changed.includes(p.file)) sharing.add(p.file);
    for (const key of sharing) await this.refresh(key);
  }

  /** One digest as it is now: the open document's text when it is open, else the file's. */
  private async read(key: string): Promise<DigestDocument | undefined> {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      return open ? this.digests.getDigest(open) : parseDigest(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(key))));
    } catch {
      return undefined; // deleted or unreadable: it no longer counts
    }
  }

  /** Replaces one file's facts, read again unless given. */
  private async refresh(key: string, doc?: DigestDocument): Promise<void> {
    const uri = vscode.Uri.parse(key);
    doc ??= await this.read(key);
    if (!doc || !doc.hasDayHeader) {
      this.summaries.delete(key);
      this.idsByFile.delete(key);
      return;
    }
    // The problems `daily-papers lint` reports: the file's own and the papers also in another digest.
    const config = await this.validation.configFor(uri);
    // Appearances come in date order: the first dated one is the paper's earliest place.
    const earliestOf = (id: string) => {
      const first = this.index.index.appearances(id).find((p) => p.date !== null);
      return first && { name: first.file, line: first.line, date: first.date! };
    };
    const problems = [...validate(doc, { path: uri.path, config }), ...duplicatePaperProblems(doc, earliestOf, config)];
    const facts = fileFacts(key, doc, problems);
    this.summaries.set(facts);
    this.idsByFile.set(key, [...new Set(facts.days.flatMap((d) => d.papers.map((p) => p.id)))]);
  }
}
