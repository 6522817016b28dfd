// The one parse cache: documents keyed by URI and version; edits are applied incrementally on demand.
import { parseDigest, updateDigest } from './document';
import type { DigestDocument, TextChange } from './types';

interface Cached {
  version: number;
  document: DigestDocument;
  /** Edits reported after `version`, in order: the changes that made version v out of v - 1. */
  pending: { version: number; changes: readonly TextChange[] }[];
}

export interface CacheStats {
  fullParses: number;
  incrementalUpdates: number;
  hits: number;
}

export class DigestCache {
  private readonly documents = new Map<string, Cached>();
  readonly stats: CacheStats = { fullParses: 0, incrementalUpdates: 0, hits: 0 };

  constructor(private readonly capacity = 64) {}

  /** Records the content changes that turned the document into `version`; nothing is parsed yet. */
  recordChanges(key: string, version: number, changes: readonly TextChange[]): void {
    const cached = this.documents.get(key);
    if (!cached) return;
    const expected = (cached.pending.at(-1)?.version ?? cached.version) + 1;
    if (version === expected) cached.pending.push({ version, changes });
    else this.documents.delete(key);
  }

  /** The parsed document at `version`; `text` is read only when the cache cannot serve it. */
  get(key: string, version: number, text: () => string): DigestDocument {
    const cached = this.documents.get(key);
    if (cached && cached.version === version) {
      this.stats.hits++;
      this.touch(key, cached);
      return cached.document;
    }
    const current = text();
    let document: DigestDocument;
    const steps = cached?.pending.filter((p) => p.version <= version) ?? [];
    if (cached && steps.length > 0 && steps[steps.length - 1].version === version) {
      document = cached.document;
      for (let i = 0; i < steps.length; i++) {
        const last = i === steps.length - 1;
        const next = last ? current : applyChanges(document.text, steps[i].changes);
        document = updateDigest(document, next, steps[i].changes);
      }
      this.stats.incrementalUpdates++;
    } else {
      document = parseDigest(current);
      this.stats.fullParses++;
    }
    this.touch(key, { version, document, pending: cached?.pending.filter((p) => p.version > version) ?? [] });
    return document;
  }

  delete(key: string): void {
    this.documents.delete(key);
  }

  private touch(key: string, cached: Cached): void {
    this.documents.delete(key);
    this.documents.set(key, cached);
    if (this.documents.size > this.capacity) this.documents.delete(this.documents.keys().next().value!);
  }
}

/** Applies changes that are all relative to `text` (as in one VS Code change event). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset);
  let result = text;
  for (const c of sorted) result = result.slice(0, c.rangeOffset) + c.text + result.slice(c.rangeOffset + c.rangeLength);
  return result;
}
