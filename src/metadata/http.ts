// One HTTP GET with Node's fetch: a timeout over the whole exchange (body included), and Retry-After read.

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
  /** The `Retry-After` header in ms from now (seconds or an HTTP date), when there is one. */
  readonly retryAfterMs: number | undefined;
}

/** The request got no answer: no connection, a reset, or the timeout. */
export class NetworkError extends Error {
  constructor(message: string, readonly timedOut: boolean) {
    super(message);
  }
}

/** Reads a `Retry-After` value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface GetOptions {
  readonly timeoutMs: number;
  readonly headers?: Record<string, string>;
  /** Aborts the request from outside (the service shutting down). */
  readonly signal?: AbortSignal;
}

export async function httpGet(url: string, { timeoutMs, headers, signal }: GetOptions): Promise<HttpResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    const response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    const body = await response.text();
    return { status: response.status, body, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
  } catch (e) {
    if (timedOut) throw new NetworkError(`timed out after ${timeoutMs} ms`, true);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new NetworkError(cause?.code ?? cause?.message ?? (e as Error).message, false);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
