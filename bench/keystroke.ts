// Case (c): one keystroke inside an entry of the 1 MB digest, re-parsed through the DigestCache.
import { applyChanges, DigestCache, parseDigest, type CacheStats, type DigestDocument, type TextChange } from '../src/digest';
import { flat, keystrokeSite, type KeystrokeSite } from './inputs';
import { collect, consume, summarize, type Plan, type Stats } from './measure';

export interface Sanity {
  /** JSON of `entries` and `days` identical for the incremental and the fresh parse. */
  readonly equal: boolean;
  readonly lineCountEqual: boolean;
  readonly detail: string;
}

export interface KeystrokeResult {
  readonly stats: Stats;
  readonly site: KeystrokeSite;
  /** The text after one insertion (the full-parse baselines run on it). */
  readonly editedText: string;
  readonly sanityBefore: Sanity;
  readonly sanityAfter: Sanity;
  readonly cacheStats: CacheStats;
  /** Keystrokes served by the cache, warm-up and sanity steps included. */
  readonly keystrokes: number;
}

const KEY = 'file:///bench/big.md';

export function compareWithFreshParse(incremental: DigestDocument): Sanity {
  const fresh = parseDigest(incremental.text);
  const a = JSON.stringify({ entries: incremental.entries, days: incremental.days });
  const b = JSON.stringify({ entries: fresh.entries, days: fresh.days });
  const equal = a === b;
  let detail = `${incremental.entries.length} entries, ${incremental.days.length} days`;
  if (!equal) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    detail = `first difference at JSON char ${i}: incremental …${a.slice(Math.max(0, i - 80), i + 80)}… vs fresh …${b.slice(Math.max(0, i - 80), i + 80)}…`;
  }
  return { equal, lineCountEqual: incremental.lineCount === fresh.lineCount, detail };
}

/**
 * Puts the 1 MB text in a cache at version 1, then alternates inserting and deleting one character in a summary
 * bullet near the middle. Only `recordChanges` + `get` are timed; the new text is built (and flattened) before.
 */
export function runKeystrokes(big: string, plan: Plan, onSanity: (s: Sanity) => void): KeystrokeResult {
  const cache = new DigestCache();
  const base = cache.get(KEY, 1, () => big);
  const site = keystrokeSite(base);
  let version = 1;
  let text = big;
  let keystrokes = 0;

  const step = (changes: readonly TextChange[]): { ms: number; doc: DigestDocument } => {
    const next = flat(applyChanges(text, changes));
    version++;
    const t0 = process.hrtime.bigint();
    cache.recordChanges(KEY, version, changes);
    const doc = cache.get(KEY, version, () => next);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    text = next;
    keystrokes++;
    return { ms, doc };
  };
  // The text alternates between the original (even keystroke count) and the one with the extra character.
  const nextChanges = () => (keystrokes % 2 === 0 ? site.insert : site.remove);

  const first = step(nextChanges());
  const editedText = text;
  const sanityBefore = compareWithFreshParse(first.doc);
  onSanity(sanityBefore);

  collect();
  for (let i = 0; i < plan.warmup; i++) consume(step(nextChanges()).doc);
  const samples: number[] = [];
  let last = first.doc;
  for (let i = 0; i < plan.reps; i++) {
    const { ms, doc } = step(nextChanges());
    samples.push(ms);
    last = doc;
  }
  const sanityAfter = compareWithFreshParse(last);
  return {
    stats: summarize(samples, plan),
    site,
    editedText,
    sanityBefore,
    sanityAfter,
    cacheStats: { ...cache.stats },
    keystrokes,
  };
}
