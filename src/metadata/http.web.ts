// The web extension host's HTTP GET (the browser bundle uses this file instead of ./http, see scripts/build.mjs):
// the same timeout over the whole exchange, body cap, redirect policy and Retry-After as the Node client, with the
// browser's fetch. Where the browser refuses a request (CORS, no network), fetch throws a TypeError: it becomes a
// NetworkError, so the card degrades exactly as offline.
import { parseRetryAfter, readCapped, RefusedResponseError, withDeadline, type HttpResponse } from './http';
import type * as node from './http';
import { redirectAllowed } from './redirects';

export { NetworkError, parseRetryAfter, RefusedResponseError, type GetOptions, type HttpResponse } from './http';

// Typed as the Node client, so the two cannot drift apart.
export const httpGet: typeof node.httpGet = (url, { timeoutMs, maxBytes, headers, signal }) =>
  withDeadline(timeoutMs, signal, async (aborted): Promise<HttpResponse> => {
    // A page cannot see a redirect's Location ('manual' gives an opaque answer): the browser follows, and the
    // final address is checked against the same policy. User-Agent is the browser's own (setting it would
    // only add a CORS preflight).
    const { 'User-Agent': _userAgent, ...sent } = headers ?? {};
    const response = await fetch(url, { headers: sent, signal: aborted, redirect: 'follow' });
    if (response.redirected && !redirectAllowed(new URL(url), new URL(response.url))) {
      await response.body?.cancel();
      throw new RefusedResponseError(`redirect to another origin (${new URL(response.url).origin}) refused`);
    }
    const body = await readCapped(response, maxBytes);
    return { status: response.status, body, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
  });
