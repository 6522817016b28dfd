// The two remote sources as batch fetchers: arXiv's export API (many IDs per request) and Hugging Face's papers API.
import { MalformedFeedError, parseArxivFeedInChunks } from './atom';
import { httpGet, NetworkError, RefusedResponseError, type HttpResponse } from './http';
import { MalformedRecordError, parseHuggingFacePaper } from './huggingFace';
import type { BatchFetcher, BatchResult } from './source';
import type { ArxivRecord, HuggingFaceRecord } from './types';

export interface FetcherOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
  /** Most bytes of body (after decompression) one answer may have. */
  readonly maxBytes: number;
}

/** Throttling (429, and 503 which arXiv uses for it) and failures common to both sources. */
async function get<T>(url: string, options: FetcherOptions, accept: string, signal: AbortSignal, read: (r: HttpResponse) => BatchResult<T> | Promise<BatchResult<T>>): Promise<BatchResult<T>> {
  let response: HttpResponse;
  try {
    response = await httpGet(url, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, signal, headers: { 'User-Agent': options.userAgent, Accept: accept } });
  } catch (e) {
    if (e instanceof RefusedResponseError) return { kind: 'fail', unavailable: 'error', reason: e.message };
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
    get(arxivQueryUrl(options.baseUrl, ids), options, 'application/atom+xml', signal, async (response): Promise<BatchResult<ArxivRecord>> => {
      if (response.status !== 200) return { kind: 'fail', unavailable: 'error', reason: `HTTP ${response.status}` };
      // arXiv throttles with a 200 and this plain-text body.
      if (/^\s*rate exceeded/i.test(response.body)) return { kind: 'retry', afterMs: undefined, reason: 'rate exceeded' };
      let feed;
      try {
        feed = await parseArxivFeedInChunks(response.body);
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
      // An ID the feed says nothing about is unknown, not missing: it is asked again later.
      for (const id of ids) {
        const record = feed.records.get(id);
        if (record) values.set(id, record);
        else if (feed.missing.has(id)) values.set(id, null);
      }
      const unresolved = ids.filter((id) => !values.has(id));
      return { kind: 'ok', values, unresolved, note: unresolved.length > 0 ? `no entry for ${unresolved.join(', ')}` : undefined };
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
        const record = parseHuggingFacePaper(response.body);
        // A record about another paper is never stored under the requested ID.
        if (record && record.id !== id) return { kind: 'ok', values: new Map(), unresolved: [id], note: `asked for ${id}, got a record for ${record.id.slice(0, 40)}` };
        return { kind: 'ok', values: new Map([[id, record]]) };
      } catch (e) {
        if (e instanceof MalformedRecordError) return { kind: 'fail', unavailable: 'error', reason: `malformed record: ${e.message}` };
        throw e;
      }
    });
  };
}
