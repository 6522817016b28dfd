// Paper metadata, offline first: answers from a persistent cache at once, fetches what is missing or stale from
// arXiv and Hugging Face in the background, and never lets a caller wait longer than it asked to.
import { baseArxivId, isValidArxivId } from '../digest/arxiv';
import { arxivFetcher, huggingFaceFetcher } from './fetchers';
import { MAX_ARXIV_BYTES, MAX_CACHE_BYTES, MAX_FIELD, MAX_HUGGING_FACE_BYTES, MAX_LIST, MAX_TEXT } from './limits';
import { processRateLimiter, type RateLimiter } from './rateLimiter';
import { Source, type CacheEntry, type SourceOptions } from './source';
import type { MetadataStore } from './store';
import type { ArxivRecord, HuggingFaceRecord, Logger, PaperMetadata } from './types';

export interface MetadataServiceOptions {
  readonly store: MetadataStore;
  readonly log: Logger;
  /** The export API's query endpoint, e.g. `https://export.arxiv.org/api/query`. */
  readonly arxivApiUrl: string;
  /** The Hugging Face API root, e.g. `https://huggingface.co/api` (papers are under `/papers/ID`). */
  readonly huggingFaceApiUrl: string;
  readonly userAgent?: string;
  /** arXiv's rule: one request every 3 s, one connection at a time. Smaller only in tests. */
  readonly arxivIntervalMs?: number;
  readonly huggingFaceIntervalMs?: number;
  readonly timeoutMs?: number;
  /** Answers older than this are still shown, and fetched again. */
  readonly maxAgeMs?: number;
  readonly batchDelayMs?: number;
  readonly maxBatch?: number;
  readonly maxAttempts?: number;
  readonly maxRetryAfterMs?: number;
  readonly defaultRetryMs?: number;
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** The cache keeps at most this many answers per source (the most recent). */
  readonly maxEntries?: number;
  /** Delay before a change is written to the store (writes are coalesced). */
  readonly saveDelayMs?: number;
  /** Request spacing per endpoint; the process-wide one unless a test brings its own. */
  readonly limiter?: RateLimiter;
  /** Caps on one answer's body; smaller only in tests. */
  readonly maxArxivBytes?: number;
  readonly maxHuggingFaceBytes?: number;
  readonly maxCacheBytes?: number;
}

const HOUR = 3_600_000;

interface Snapshot {
  readonly version: 1;
  readonly arxiv: [string, CacheEntry<ArxivRecord>][];
  readonly huggingFace: [string, CacheEntry<HuggingFaceRecord>][];
}

const isEntryList = (v: unknown): v is [string, CacheEntry<unknown>][] =>
  Array.isArray(v) && v.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1]?.fetchedAt === 'number' && 'value' in e[1]);

/** Strings, lists and nesting within what a fetched record can hold (the parsers clip to these). */
function withinCaps(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.length <= MAX_TEXT;
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return true;
  if (depth > 1) return false;
  if (Array.isArray(v)) return v.length <= MAX_LIST && v.every((x) => typeof x === 'string' && x.length <= MAX_FIELD);
  return typeof v === 'object' && Object.values(v).every((x) => withinCaps(x, depth + 1));
}

/** A cached answer is kept only when it is a record of the very ID it is stored under (or null), within the caps. */
const isSoundEntry = ([id, entry]: [string, CacheEntry<unknown>]): boolean =>
  entry.value === null || (typeof entry.value === 'object' && (entry.value as { id?: unknown }).id === id && withinCaps(entry.value));

/** Only new-style IDs have Hugging Face paper pages. */
const hasHuggingFacePage = (id: string): boolean => /^\d{4}\.\d{4,5}$/.test(id);

export class MetadataService {
  /** Resolves when the persisted cache is loaded (a broken cache file is logged and ignored). */
  readonly ready: Promise<void>;
  private readonly arxiv: Source<ArxivRecord>;
  private readonly huggingFace: Source<HuggingFaceRecord>;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: MetadataServiceOptions) {
    this.ready = this.load();
    const userAgent = options.userAgent ?? 'daily-papers-digest';
    const timeoutMs = options.timeoutMs ?? 10_000;
    const limiter = options.limiter ?? processRateLimiter;
    const common = {
      maxAgeMs: options.maxAgeMs ?? 24 * HOUR,
      batchDelayMs: options.batchDelayMs ?? 50,
      maxAttempts: options.maxAttempts ?? 3,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      defaultRetryMs: options.defaultRetryMs ?? 30_000,
      backoffMs: options.backoffMs ?? 30_000,
      maxBackoffMs: options.maxBackoffMs ?? 15 * 60_000,
      log: options.log,
      onChange: () => this.changed(),
      ready: this.ready,
    } satisfies Partial<SourceOptions<unknown>>;
    this.arxiv = new Source({
      ...common,
      label: 'arXiv API',
      fetch: arxivFetcher({ baseUrl: options.arxivApiUrl, timeoutMs, userAgent, maxBytes: options.maxArxivBytes ?? MAX_ARXIV_BYTES }),
      limiter,
      limiterKey: options.arxivApiUrl,
      intervalMs: options.arxivIntervalMs ?? 3000,
      maxBatch: options.maxBatch ?? 50,
    });
    this.huggingFace = new Source({
      ...common,
      label: 'Hugging Face API',
      fetch: huggingFaceFetcher({ baseUrl: options.huggingFaceApiUrl, timeoutMs, userAgent, maxBytes: options.maxHuggingFaceBytes ?? MAX_HUGGING_FACE_BYTES }),
      limiter,
      limiterKey: options.huggingFaceApiUrl,
      intervalMs: options.huggingFaceIntervalMs ?? 250,
      maxBatch: 1,
    });
  }

  /** What is known now, without any request. */
  peek(id: string): PaperMetadata {
    const base = baseArxivId(id);
    return { id: base, arxiv: this.arxiv.view(base), huggingFace: this.huggingFace.view(base) };
  }

  /** The cached arXiv record alone, fresh or not (the insights ask for every paper of the workspace: no views built). */
  arxivRecord(id: string): ArxivRecord | undefined {
    return this.arxiv.entries.get(baseArxivId(id))?.value ?? undefined;
  }

  /** Asks the sources for what is missing or stale (in the background; malformed IDs are ignored). */
  request(ids: Iterable<string>): void {
    if (this.closed) return;
    const valid = [...new Set([...ids].filter(isValidArxivId).map(baseArxivId))];
    this.arxiv.request(valid);
    this.huggingFace.request(valid.filter(hasHuggingFacePage));
  }

  /** Requests the papers and waits for their answers, but never longer than `waitMs`; then returns what is known. */
  async lookup(ids: readonly string[], waitMs: number): Promise<PaperMetadata[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    try {
      await Promise.race([this.ready, timeout]);
      this.request(ids);
      await Promise.race([this.settled(ids), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return ids.map((id) => this.peek(id));
  }

  /** Resolves when none of the IDs is pending any more. */
  async settled(ids: readonly string[]): Promise<void> {
    const bases = ids.map(baseArxivId);
    await Promise.all(bases.flatMap((id) => [this.arxiv.whenSettled(id), this.huggingFace.whenSettled(id)]));
  }

  async clear(): Promise<void> {
    await this.ready;
    this.arxiv.entries.clear();
    this.huggingFace.entries.clear();
    this.dirty = true;
    await this.flush();
  }

  /** Writes pending changes to the store now. */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.dirty) return this.saving;
    this.dirty = false;
    this.saving = this.saving.then(() => this.save());
    return this.saving;
  }

  /** Stops all requests (in flight ones are aborted), releases waiters and writes the cache. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.arxiv.close();
    this.huggingFace.close();
    await this.ready;
    await this.flush();
  }

  private changed(): void {
    this.dirty = true;
    if (this.saveTimer === undefined && !this.closed) {
      this.saveTimer = setTimeout(() => void this.flush(), this.options.saveDelayMs ?? 2000);
    }
  }

  private async load(): Promise<void> {
    let text: string | undefined;
    try {
      text = await this.options.store.read(this.options.maxCacheBytes ?? MAX_CACHE_BYTES);
    } catch (e) {
      this.options.log.warn(`Metadata cache discarded: ${(e as Error).message}`);
      return;
    }
    if (text === undefined) return;
    let snapshot: Partial<Snapshot>;
    try {
      snapshot = JSON.parse(text) as Partial<Snapshot>;
    } catch {
      this.options.log.warn('Metadata cache is not valid JSON; starting with an empty cache');
      return;
    }
    if (snapshot.version !== 1 || !isEntryList(snapshot.arxiv) || !isEntryList(snapshot.huggingFace)) {
      this.options.log.warn('Metadata cache has an unknown format; starting with an empty cache');
      return;
    }
    if (!snapshot.arxiv.every(isSoundEntry) || !snapshot.huggingFace.every(isSoundEntry)) {
      this.options.log.warn('Metadata cache holds records under another ID or over the size caps; starting with an empty cache');
      return;
    }
    // Answers that arrived while loading are newer than the saved ones.
    for (const [id, entry] of snapshot.arxiv) if (!this.arxiv.entries.has(id)) this.arxiv.entries.set(id, entry);
    for (const [id, entry] of snapshot.huggingFace) if (!this.huggingFace.entries.has(id)) this.huggingFace.entries.set(id, entry);
  }

  private async save(): Promise<void> {
    const newest = <T>(entries: Map<string, CacheEntry<T>>) =>
      [...entries].sort((a, b) => b[1].fetchedAt - a[1].fetchedAt).slice(0, this.options.maxEntries ?? 5000);
    const snapshot: Snapshot = { version: 1, arxiv: newest(this.arxiv.entries), huggingFace: newest(this.huggingFace.entries) };
    try {
      await this.options.store.write(JSON.stringify(snapshot));
    } catch (e) {
      this.options.log.warn(`Metadata cache could not be written: ${String(e)}`);
    }
  }
}
