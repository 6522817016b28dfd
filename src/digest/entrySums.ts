// Sums over a document's entries that a keystroke does not walk again: kept per lineage of versions (see Revision),
// each version's is the last one's, less the entries the edit since then replaced, plus those it made.
import { revisionOf, untouchedEntries } from './document';
import type { DigestDocument, DigestEntry } from './types';

type Counts<K extends string> = Readonly<Record<K, number>>;

export class EntrySum<K extends string> {
  private readonly byLineage = new WeakMap<object, { readonly revisionId: number; readonly entries: readonly DigestEntry[]; readonly totals: Counts<K> }>();

  /** `countsOf` gives an entry the same counts each time: it is asked again for the entries an edit replaced. */
  constructor(
    private readonly keys: readonly K[],
    private readonly countsOf: (entry: DigestEntry) => Counts<K>,
  ) {}

  /** The sum of `countsOf` over `doc.entries`. */
  of(doc: DigestDocument): Counts<K> {
    const revision = revisionOf(doc);
    const previous = this.byLineage.get(revision.lineage);
    if (previous?.revisionId === revision.id) return previous.totals;
    const edit = previous && revision.since.find((s) => s.id === previous.revisionId)?.edit;
    const totals = Object.fromEntries(this.keys.map((k) => [k, 0])) as Record<K, number>;
    const add = (counts: Counts<K>, sign: 1 | -1) => {
      for (const k of this.keys) totals[k] += sign * counts[k];
    };
    if (previous && edit) {
      const { before, after } = untouchedEntries(doc.entries, previous.entries, edit);
      const shift = previous.entries.length - doc.entries.length;
      add(previous.totals, 1);
      for (let k = before; k < after + shift; k++) add(this.countsOf(previous.entries[k]), -1);
      for (let k = before; k < after; k++) add(this.countsOf(doc.entries[k]), 1);
    } else {
      for (const e of doc.entries) add(this.countsOf(e), 1);
    }
    this.byLineage.set(revision.lineage, { revisionId: revision.id, entries: doc.entries, totals });
    return totals;
  }
}
