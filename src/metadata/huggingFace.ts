// Reads a Hugging Face paper record (`GET /api/papers/ID`) into the fields the card shows, defensively.
import { clip, MAX_FIELD, MAX_TEXT } from './limits';
import type { HuggingFaceRecord } from './types';

export class MalformedRecordError extends Error {}

const str = (v: unknown, max = MAX_FIELD): string | null => (typeof v === 'string' && v.trim() !== '' ? clip(v.trim(), max) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Only http(s) URLs are kept: the card turns them into links. */
function webUrl(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  try {
    const url = new URL(s);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Parses the JSON body; returns null when the body says there is no such paper, throws when it is not JSON. */
export function parseHuggingFacePaper(body: string): HuggingFaceRecord | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    throw new MalformedRecordError(`not JSON (${(e as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new MalformedRecordError('not a JSON object');
  const o = json as Record<string, unknown>;
  // The API answers unknown papers with `{"error": "..."}` (and a 404, handled before this).
  if (typeof o.id !== 'string' || o.id === '') {
    if (typeof o.error === 'string') return null;
    throw new MalformedRecordError('no paper id in the record');
  }
  return {
    id: o.id,
    title: str(o.title),
    upvotes: num(o.upvotes),
    githubRepo: webUrl(o.githubRepo),
    githubStars: num(o.githubStars),
    projectPage: webUrl(o.projectPage),
    numComments: num(o.numComments),
    aiSummary: str(o.ai_summary, MAX_TEXT),
    publishedAt: str(o.publishedAt),
  };
}
