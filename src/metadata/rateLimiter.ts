// Request spacing per remote origin that outlives any one metadata service: a settings change re-creates the service,
// and arXiv's "one request every 3 s, one at a time" must hold across that.

interface Lane {
  nextStart: number;
  /** Settles when the current holder releases the lane. */
  tail: Promise<void>;
}

export class RateLimiter {
  private readonly lanes = new Map<string, Lane>();

  /**
   * Waits until no other request on `key` is under way and its spacing has passed; returns the release function,
   * which must be called once the request ended (with the spacing the next one must keep).
   */
  async acquire(key: string, signal: AbortSignal): Promise<(intervalMs: number) => void> {
    const lane = this.lane(key);
    const previous = lane.tail;
    let release!: () => void;
    lane.tail = new Promise((resolve) => (release = resolve));
    await previous;
    const wait = lane.nextStart - Date.now();
    if (wait > 0) await sleep(wait, signal);
    return (intervalMs) => {
      lane.nextStart = Math.max(lane.nextStart, Date.now() + intervalMs);
      release();
    };
  }

  /** No request on `key` starts before `at` (a server's Retry-After). */
  holdUntil(key: string, at: number): void {
    const lane = this.lane(key);
    lane.nextStart = Math.max(lane.nextStart, at);
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { nextStart: 0, tail: Promise.resolve() }));
    return lane;
  }
}

/** The one limiter of this process (the extension host), used unless a test passes its own. */
export const processRateLimiter = new RateLimiter();

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
