// One HTTP GET with Node's fetch: a timeout over the whole exchange (body included), a cap on the body's size
// (counted after decompression, while it streams in), redirects followed only within the same origin, and Retry-After read.

import { redirectAllowed } from './redirects';

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
  /** Most bytes of body accepted, after decompression; a longer body fails the request. */
  readonly maxBytes: number;
  readonly headers?: Record<string, string>;
  /** Aborts the request from outside (the service shutting down). */
  readonly signal?: AbortSignal;
  /** Redirects followed (same origin only). */
  readonly maxRedirects?: number;
}

/** The server answered with something not taken: a body over the cap, a redirect to another origin, a redirect loop. */
export class RefusedResponseError extends Error {}

/** Reads the (already decompressed) body chunk by chunk and stops as soon as it passes `maxBytes`. */
export async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  // Content-Length counts the encoded bytes: only an unencoded body can be refused before reading.
  if (!response.headers.get('content-encoding') && declared > maxBytes) {
    await response.body?.cancel();
    throw new RefusedResponseError(`body of ${declared} bytes is over the ${maxBytes}-byte cap`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new RefusedResponseError(`body is over the ${maxBytes}-byte cap`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Runs one exchange under a deadline over all of it (body included): `exchange` gets a signal that aborts after
 * `timeoutMs` or when `signal` does. A refusal passes through; any other failure becomes a NetworkError.
 */
export async function withDeadline<T>(timeoutMs: number, signal: AbortSignal | undefined, exchange: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    return await exchange(controller.signal);
  } catch (e) {
    if (e instanceof RefusedResponseError) throw e;
    if (timedOut) throw new NetworkError(`timed out after ${timeoutMs} ms`, true);
    // Node's fetch puts the reason (ECONNREFUSED, …) in `cause`; the browser's says only "Failed to fetch".
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new NetworkError(cause?.code ?? cause?.message ?? (e as Error).message, false);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export function httpGet(url: string, { timeoutMs, maxBytes, headers, signal, maxRedirects = 3 }: GetOptions): Promise<HttpResponse> {
  return withDeadline(timeoutMs, signal, async (aborted) => {
    let target = new URL(url);
    for (let hops = 0; ; hops++) {
      const response = await fetch(target, { headers, signal: aborted, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = new URL(location, target);
        if (!redirectAllowed(target, next)) throw new RefusedResponseError(`redirect to another origin (${next.origin}) refused`);
        if (hops >= maxRedirects) throw new RefusedResponseError(`more than ${maxRedirects} redirects`);
        target = next;
        continue;
      }
      const body = await readCapped(response, maxBytes);
      return { status: response.status, body, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
    }
  });
}
