// One metadata source (arXiv or Hugging Face): its cache, a queue drained one request at a time at a minimum
// interval, batching, Retry-After, and a backoff while the source is offline or failing.
import type { RateLimiter } from './rateLimiter';
import type { Logger, SourceView, Unavailable } from './types';

/** The longest Retry-After honoured: a server asking for more is asked again after an hour. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** A cached answer: the record, or null when the source said it has no such paper. */
export interface CacheEntry<T> {
  readonly fetchedAt: number;
  readonly value: T | null;
}

/**
 * What one request brought: `ok` with an answer per ID (IDs in `unresolved` got none and are asked again
 * later); `retry` when throttled (429, 503); `fail` when there was no usable answer.
 */
export type BatchResult<T> =
  | { readonly kind: 'ok'; readonly values: ReadonlyMap<string, T | null>; readonly unresolved?: readonly string[]; readonly note?: string }
  | { readonly kind: 'retry'; readonly afterMs: number | undefined; readonly reason: string }
  | { readonly kind: 'fail'; readonly unavailable: Unavailable; readonly reason: string };

export type BatchFetcher<T> = (ids: readonly string[], signal: AbortSignal) => Promise<BatchResult<T>>;

export interface SourceOptions<T> {
  /** For log lines: "arXiv API", "Hugging Face API". */
  readonly label: string;
  readonly fetch: BatchFetcher<T>;
  /** Spaces the requests; shared by every source of the process that asks the same `limiterKey` (the endpoint). */
  readonly limiter: RateLimiter;
  readonly limiterKey: string;
  /** Least time from the end of one request to the start of the next (arXiv asks for 3 s). */
  readonly intervalMs: number;
  readonly maxBatch: number;
  /** How long to gather IDs before the first request of a burst, so one request carries them all. */
  readonly batchDelayMs: number;
  readonly maxAgeMs: number;
  /** Throttled requests are retried this often before the IDs are given up for now. */
  readonly maxAttempts: number;
  /** A Retry-After longer than this is not waited for in the queue: the source counts as rate-limited. */
  readonly maxRetryAfterMs: number;
  /** Wait before retrying a throttled request that named no Retry-After. */
  readonly defaultRetryMs: number;
  /** First wait after a failure before the source is tried again; doubles per failure up to `maxBackoffMs`. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  readonly log: Logger;
  /** Called after answers were stored (to persist the cache and refresh views). */
  readonly onChange: () => void;
  /** Resolves when the persisted cache is loaded; requests wait for it so they never refetch what it holds. */
  readonly ready: Promise<void>;
}

interface Health {
  readonly state: Unavailable;
  readonly retryAt: number;
  readonly failures: number;
}

export class Source<T> {
  readonly entries = new Map<string, CacheEntry<T>>();
  private readonly pending = new Set<string>();
  private readonly queue: string[] = [];
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly attempts = new Map<string, number>();
  private health: Health | undefined;
  private running = false;
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  private closed = false;

  constructor(private readonly options: SourceOptions<T>) {}

  isFresh(id: string, now = Date.now()): boolean {
    const entry = this.entries.get(id);
    return entry !== undefined && now - entry.fetchedAt < this.options.maxAgeMs;
  }

  view(id: string, now = Date.now()): SourceView<T> {
    const entry = this.entries.get(id);
    return {
      record: entry?.value ?? undefined,
      missing: entry?.value === null,
      fetchedAt: entry?.fetchedAt,
      stale: entry !== undefined && !this.isFresh(id, now),
      pending: this.pending.has(id),
      unavailable: this.health?.state,
    };
  }

  /** Queues the IDs that are neither fresh nor already asked for; nothing while the source is backing off. */
  request(ids: Iterable<string>): void {
    if (this.closed) return;
    const now = Date.now();
    if (this.health && now < this.health.retryAt) return;
    let added = false;
    for (const id of ids) {
      if (this.pending.has(id) || this.isFresh(id, now)) continue;
      this.pending.add(id);
      this.queue.push(id);
      added = true;
    }
    if (added && !this.running && this.batchTimer === undefined) {
      this.batchTimer = setTimeout(() => {
        this.batchTimer = undefined;
        void this.run();
      }, this.options.batchDelayMs);
    }
  }

  /** Resolves when the ID is no longer pending (answered, failed or given up). */
  whenSettled(id: string): Promise<void> {
    if (!this.pending.has(id)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(id);
      if (list) list.push(resolve);
      else this.waiters.set(id, [resolve]);
    });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.batchTimer);
    this.abort.abort();
    this.settle([...this.pending]);
    this.queue.length = 0;
  }

  private settle(ids: readonly string[]): void {
    for (const id of ids) {
      this.pending.delete(id);
      this.attempts.delete(id);
      for (const resolve of this.waiters.get(id) ?? []) resolve();
      this.waiters.delete(id);
    }
  }

  /** The single worker: at most one request under way, each start at least `intervalMs` after the last end. */
  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.options.ready;
      while (this.queue.length > 0 && !this.closed) {
        const release = await this.options.limiter.acquire(this.options.limiterKey, this.abort.signal);
        let batch: string[] = [];
        let result: BatchResult<T> | undefined;
        const started = Date.now();
        try {
          if (this.closed) break;
          batch = this.takeBatch();
          if (batch.length === 0) continue;
          try {
            result = await this.options.fetch(batch, this.abort.signal);
          } catch (e) {
            result = { kind: 'fail', unavailable: 'error', reason: String(e) };
          }
        } finally {
          release(batch.length > 0 ? this.options.intervalMs : 0);
        }
        if (this.closed || !result) break;
        this.apply(batch, result, Date.now() - started);
      }
    } finally {
      this.running = false;
    }
  }

  /** The next IDs to ask for; those the loaded cache already answers are settled instead. */
  private takeBatch(): string[] {
    const batch: string[] = [];
    const cached: string[] = [];
    while (this.queue.length > 0 && batch.length < this.options.maxBatch) {
      const id = this.queue.shift()!;
      (this.isFresh(id) ? cached : batch).push(id);
    }
    this.settle(cached);
    return batch;
  }

  private apply(batch: readonly string[], result: BatchResult<T>, elapsedMs: number): void {
    const { label, log } = this.options;
    const now = Date.now();
    if (result.kind === 'ok') {
      let missing = 0;
      for (const [id, value] of result.values) {
        this.entries.set(id, { fetchedAt: now, value });
        if (value === null) missing++;
      }
      if (result.note) log.warn(`${label}: ${result.note}`);
      if (this.health) log.info(`${label}: answering again`);
      this.health = undefined;
      log.info(`${label}: ${result.values.size} answer(s) for ${batch.length} ID(s) (${missing} not found) in ${elapsedMs} ms`);
      this.settle(batch);
      this.options.onChange();
      return;
    }
    if (result.kind === 'retry') {
      const after = Math.min(result.afterMs ?? this.options.defaultRetryMs, MAX_RETRY_AFTER_MS);
      const retry = batch.filter((id) => (this.attempts.get(id) ?? 0) + 1 < this.options.maxAttempts);
      if (after <= this.options.maxRetryAfterMs && retry.length > 0) {
        for (const id of retry) this.attempts.set(id, (this.attempts.get(id) ?? 0) + 1);
        this.settle(batch.filter((id) => !retry.includes(id)));
        this.queue.unshift(...retry);
        this.options.limiter.holdUntil(this.options.limiterKey, now + after);
        log.warn(`${label}: ${result.reason}; retrying ${retry.length} ID(s) in ${Math.ceil(after / 1000)} s`);
        return;
      }
      this.fail('rate-limited', `${result.reason}; not retrying now`, batch, now + after);
      return;
    }
    this.fail(result.unavailable, result.reason, batch);
  }

  /** Gives up the batch and everything queued behind it, and stops asking until the backoff has passed. */
  private fail(state: Unavailable, reason: string, batch: readonly string[], retryAt?: number): void {
    const failures = (this.health?.failures ?? 0) + 1;
    const backoff = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (failures - 1));
    this.health = { state, failures, retryAt: Math.max(retryAt ?? 0, Date.now() + backoff) };
    const queued = this.queue.splice(0);
    this.options.log.warn(`${this.options.label}: ${reason} (${state}); trying again in ${Math.ceil((this.health.retryAt - Date.now()) / 1000)} s at the earliest`);
    this.settle([...batch, ...queued]);
  }
}
