// Reads the arXiv export API's Atom feed into records, with fast-xml-parser; tells error entries and missing papers apart.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { clip, MAX_FIELD, MAX_LIST, MAX_TEXT } from './limits';
import type { ArxivRecord } from './types';

export interface ArxivFeed {
  /** Records by ID without version. */
  readonly records: ReadonlyMap<string, ArxivRecord>;
  /** The texts of the API's error entries (`<id>…/api/errors#…</id>`), e.g. "incorrect id format for 1234.5678". */
  readonly errors: readonly string[];
  /** IDs the feed has an entry for, but an empty one: the API's way of saying there is no such paper. */
  readonly missing: ReadonlySet<string>;
  readonly totalResults: number | null;
}

export class MalformedFeedError extends Error {}

const LISTS = new Set(['entry', 'author', 'category', 'link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Values stay strings: an ID like `2501.10010` must not become the number 2501.1001.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => LISTS.has(name),
});

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of an element that may carry attributes (then fast-xml-parser puts its text under `#text`). */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v)) return text(v['#text']);
  return '';
}

/** Titles and abstracts arrive hard-wrapped: one line of single spaces reads as the paper page does. */
const collapse = (s: string, max = MAX_FIELD): string => clip(s.replace(/\s+/g, ' ').trim(), max);

const orNull = (s: string): string | null => (s === '' ? null : s);

/** `http(s)://arxiv.org/abs/2501.17161v2` → ['2501.17161', 2]; old-style IDs keep their archive. */
export function idFromEntryId(entryId: string): { id: string; version: number | null } | null {
  const m = /\/abs\/(.+?)(?:v(\d+))?$/.exec(entryId.trim());
  return m ? { id: m[1], version: m[2] ? Number(m[2]) : null } : null;
}

function toRecord(entry: Node, id: string, version: number | null): ArxivRecord {
  const authors = ((entry.author as unknown[] | undefined) ?? [])
    .slice(0, MAX_LIST).map((a) => collapse(text(isNode(a) ? a.name : a))).filter(Boolean);
  const categories = ((entry.category as unknown[] | undefined) ?? [])
    .slice(0, MAX_LIST).map((c) => (isNode(c) ? collapse(text(c['@_term'])) : '')).filter(Boolean);
  const primary = isNode(entry.primary_category) ? orNull(collapse(text(entry.primary_category['@_term']))) : null;
  return {
    id,
    version,
    title: collapse(text(entry.title)),
    abstract: collapse(text(entry.summary), MAX_TEXT),
    authors,
    primaryCategory: primary ?? categories[0] ?? null,
    categories: [...new Set(primary ? [primary, ...categories] : categories)],
    published: orNull(collapse(text(entry.published))),
    updated: orNull(collapse(text(entry.updated))),
    comment: orNull(collapse(text(entry.comment), MAX_TEXT)),
    doi: orNull(collapse(text(entry.doi))),
    journalRef: orNull(collapse(text(entry.journal_ref))),
  };
}

/** Parses a feed; throws MalformedFeedError for text that is not well-formed XML or not an Atom feed. */
export function parseArxivFeed(xml: string): ArxivFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new MalformedFeedError(`not well-formed XML (${valid.err.msg}, line ${valid.err.line})`);
  const root: unknown = parser.parse(xml);
  const feed = isNode(root) ? root.feed : undefined;
  if (!isNode(feed)) throw new MalformedFeedError('no Atom <feed> element');
  const records = new Map<string, ArxivRecord>();
  const errors: string[] = [];
  const missing = new Set<string>();
  for (const entry of (feed.entry as unknown[] | undefined) ?? []) {
    if (!isNode(entry)) continue;
    const entryId = text(entry.id);
    if (entryId.includes('/api/errors')) {
      errors.push(collapse(text(entry.summary)) || entryId);
      continue;
    }
    const parsed = idFromEntryId(entryId);
    // An entry without a title is how the API has answered for withdrawn or unknown IDs: treat it as missing.
    if (!parsed) continue;
    if (collapse(text(entry.title)) === '') missing.add(parsed.id);
    else records.set(parsed.id, toRecord(entry, parsed.id, parsed.version));
  }
  const total = Number.parseInt(text(feed.totalResults), 10);
  return { records, errors, missing, totalResults: Number.isNaN(total) ? null : total };
}

/** Characters of entries parsed in one go: a few ms of work, so the extension host is never held for long. */
const CHUNK_CHARS = 8 * 1024;

/**
 * Parses a feed a few entries at a time, yielding to the event loop between chunks: each chunk is the feed's head,
 * whole `<entry>` elements and the closing tag, parsed by `parseArxivFeed`. The body is capped before this.
 */
export async function parseArxivFeedInChunks(xml: string): Promise<ArxivFeed> {
  const first = xml.indexOf('<entry');
  const end = xml.lastIndexOf('</entry>');
  if (first < 0 || end < first || xml.length <= CHUNK_CHARS) return parseArxivFeed(xml);
  const head = xml.slice(0, first);
  const tail = xml.slice(end + '</entry>'.length);
  const records = new Map<string, ArxivRecord>();
  const errors: string[] = [];
  const missing = new Set<string>();
  let totalResults: number | null = null;
  for (let start = first; start < end; ) {
    const close = xml.indexOf('</entry>', Math.min(start + CHUNK_CHARS, end));
    const stop = (close < 0 ? end : close) + '</entry>'.length;
    const part = parseArxivFeed(head + xml.slice(start, stop) + tail);
    for (const [id, record] of part.records) records.set(id, record);
    errors.push(...part.errors);
    for (const id of part.missing) missing.add(id);
    totalResults ??= part.totalResults;
    start = stop;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { records, errors, missing, totalResults };
}
