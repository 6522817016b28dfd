// The two remote sources as batch fetchers: arXiv's export API (many IDs per request) and Hugging Face's papers API.
import { MalformedFeedError, parseArxivFeed } from './atom';
import { httpGet, NetworkError, type HttpResponse } from './http';
import { MalformedRecordError, parseHuggingFacePaper } from './huggingFace';
import type { BatchFetcher, BatchResult } from './source';
import type { ArxivRecord, HuggingFaceRecord } from './types';

export interface FetcherOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

/** Throttling (429, and 503 which arXiv uses for it) and failures common to both sources. */
async function get<T>(url: string, options: FetcherOptions, accept: string, signal: AbortSignal, read: (r: HttpResponse) => BatchResult<T>): Promise<BatchResult<T>> {
  let response: HttpResponse;
  try {
    response = await httpGet(url, { timeoutMs: options.timeoutMs, signal, headers: { 'User-Agent': options.userAgent, Accept: accept } });
  } catch (e) {
    const reason = e instanceof NetworkError ? (e.timedOut ? e.message : `no connection (${e.message})`) : String(e);
    return { kind: 'fail', unavailable: 'offline', reason };
  }
  if (response.status === 429 || response.status === 503) {
    return { kind: 'retry', afterMs: response.retryAfterMs, reason: `HTTP ${response.status}` };
  }
  return read(response);
}

/** `BASE?id_list=A,B&max_results=2`: max_results because the API's default (10) would cut longer lists short. */
export function arxivQueryUrl(baseUrl: string, ids: readonly string[]): string {
  const separator = baseUrl.includes('?') ? '&' : '?';
  return `${baseUrl}${separator}id_list=${ids.map(encodeURIComponent).join(',')}&max_results=${ids.length}`;
}

export function arxivFetcher(options: FetcherOptions): BatchFetcher<ArxivRecord> {
  return (ids, signal) =>
    get(arxivQueryUrl(options.baseUrl, ids), options, 'application/atom+xml', signal, (response): BatchResult<ArxivRecord> => {
      if (response.status !== 200) return { kind: 'fail', unavailable: 'error', reason: `HTTP ${response.status}` };
      // arXiv throttles with a 200 and this plain-text body.
      if (/^\s*rate exceeded/i.test(response.body)) return { kind: 'retry', afterMs: undefined, reason: 'rate exceeded' };
      let feed;
      try {
        feed = parseArxivFeed(response.body);
      } catch (e) {
        if (e instanceof MalformedFeedError) return { kind: 'fail', unavailable: 'error', reason: `malformed feed: ${e.message}` };
        throw e;
      }
      const values = new Map<string, ArxivRecord | null>();
      if (feed.errors.length > 0) {
        // An error entry replaces the whole answer: only the IDs it names are known bad; the rest are asked again.
        for (const id of ids) if (feed.errors.some((e) => e.includes(id))) values.set(id, null);
        return { kind: 'ok', values, unresolved: ids.filter((id) => !values.has(id)), note: `error entries: ${feed.errors.join('; ')}` };
      }
      for (const id of ids) values.set(id, feed.records.get(id) ?? null);
      return { kind: 'ok', values };
    });
}

export const huggingFacePaperUrl = (baseUrl: string, id: string): string => `${baseUrl.replace(/\/+$/, '')}/papers/${encodeURIComponent(id)}`;

export function huggingFaceFetcher(options: FetcherOptions): BatchFetcher<HuggingFaceRecord> {
  return async (ids, signal) => {
    // The papers API takes one ID per request; the source runs it with batches of one.
    const [id] = ids;
    return get(huggingFacePaperUrl(options.baseUrl, id), options, 'application/json', signal, (response): BatchResult<HuggingFaceRecord> => {
      if (response.status === 404) return { kind: 'ok', values: new Map([[id, null]]) };
      if (response.status !== 200) return { kind: 'fail', unavailable: 'error', reason: `HTTP ${response.status}` };
      try {
        return { kind: 'ok', values: new Map([[id, parseHuggingFacePaper(response.body, id)]]) };
      } catch (e) {
        if (e instanceof MalformedRecordError) return { kind: 'fail', unavailable: 'error', reason: `malformed record: ${e.message}` };
        throw e;
      }
    });
  };
}
