// The web extension host's HTTP GET (the browser bundle uses this file instead of ./http, see scripts/build.mjs):
// the same timeout over the whole exchange, body cap, redirect policy and Retry-After as the Node client, with the
// browser's fetch. Where the browser refuses a request (CORS, no network), fetch throws a TypeError: it becomes a
// NetworkError, so the card degrades exactly as offline.
import { NetworkError, parseRetryAfter, readCapped, RefusedResponseError, type HttpResponse } from './http';
import type * as node from './http';
import { redirectAllowed } from './redirects';

export { NetworkError, parseRetryAfter, RefusedResponseError, type GetOptions, type HttpResponse } from './http';

// Typed as the Node client, so the two cannot drift apart.
export const httpGet: typeof node.httpGet = async (url, options): Promise<HttpResponse> => {
  const { timeoutMs, headers, signal } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    // A page cannot see a redirect's Location ('manual' gives an opaque answer): the browser follows, and the
    // final address is checked against the same policy. User-Agent is the browser's own (setting it would
    // only add a CORS preflight).
    const { 'User-Agent': _userAgent, ...sent } = headers ?? {};
    const response = await fetch(url, { headers: sent, signal: controller.signal, redirect: 'follow' });
    if (response.redirected && !redirectAllowed(new URL(url), new URL(response.url))) {
      await response.body?.cancel();
      throw new RefusedResponseError(`redirect to another origin (${new URL(response.url).origin}) refused`);
    }
    const body = await readCapped(response, options.maxBytes);
    return { status: response.status, body, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
  } catch (e) {
    if (e instanceof RefusedResponseError) throw e;
    if (timedOut) throw new NetworkError(`timed out after ${timeoutMs} ms`, true);
    throw new NetworkError((e as Error).message, false);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
};
