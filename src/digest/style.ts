// What a document looks like as a whole: its label style and language, so era-dependent checks, the formatter
// and authoring judge it by its own majority.
import { revisionOf, untouchedEntries } from './document';
import { originalEntry } from './shift';
import type { DigestDocument, DigestEntry, LabelStyle } from './types';

export interface DocumentStyle {
  /** The label style most sections use (`none` when no section has a label). */
  readonly labelStyle: Exclude<LabelStyle, 'malformed'>;
  /** True when most summaries are written in Korean. */
  readonly korean: boolean;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

export function hasHangul(s: string): boolean {
  return HANGUL.test(s);
}

interface EntryCounts {
  readonly sections: number;
  readonly bold: number;
  readonly boldItalic: number;
  readonly korean: number;
}

/** Per entry as parsed: an entry an edit did not touch keeps its identity, so a keystroke recounts one entry. */
const countsByEntry = new WeakMap<DigestEntry, EntryCounts>();

function countsOf(entry: DigestEntry): EntryCounts {
  const original = originalEntry(entry);
  let counts = countsByEntry.get(original);
  if (!counts) {
    let bold = 0;
    let boldItalic = 0;
    let korean = 0;
    for (const s of original.sections) {
      if (s.labelStyle === 'bold') bold++;
      else if (s.labelStyle === 'bold-italic') boldItalic++;
      if (hasHangul(s.text)) korean++;
    }
    countsByEntry.set(original, (counts = { sections: original.sections.length, bold, boldItalic, korean }));
  }
  return counts;
}

interface Totals {
  sections: number;
  bold: number;
  boldItalic: number;
  korean: number;
}

function add(totals: Totals, c: EntryCounts, sign: 1 | -1): void {
  totals.sections += sign * c.sections;
  totals.bold += sign * c.bold;
  totals.boldItalic += sign * c.boldItalic;
  totals.korean += sign * c.korean;
}

/** The totals of the last version counted, per lineage of versions (see Revision). */
const totalsByLineage = new WeakMap<object, { readonly revisionId: number; readonly entries: readonly DigestEntry[]; readonly totals: EntryCounts }>();

/** The document's counts: the last version's, less the entries the edit since then replaced, plus those it made. */
function totalsOf(doc: DigestDocument): EntryCounts {
  const revision = revisionOf(doc);
  const previous = totalsByLineage.get(revision.lineage);
  if (previous?.revisionId === revision.id) return previous.totals;
  const edit = previous && revision.since.find((s) => s.id === previous.revisionId)?.edit;
  const totals: Totals = { sections: 0, bold: 0, boldItalic: 0, korean: 0 };
  if (previous && edit) {
    const { before, after } = untouchedEntries(doc.entries, previous.entries, edit);
    const shift = previous.entries.length - doc.entries.length;
    add(totals, previous.totals, 1);
    for (let k = before; k < after + shift; k++) add(totals, countsOf(previous.entries[k]), -1);
    for (let k = before; k < after; k++) add(totals, countsOf(doc.entries[k]), 1);
  } else {
    for (const e of doc.entries) add(totals, countsOf(e), 1);
  }
  totalsByLineage.set(revision.lineage, { revisionId: revision.id, entries: doc.entries, totals });
  return totals;
}

/** The document's majority style; `labelStyle` (a setting other than `auto`) overrides the label part. */
export function detectStyle(doc: DigestDocument, labelStyle?: 'auto' | 'bold' | 'bold-italic'): DocumentStyle {
  const { sections, bold, boldItalic, korean } = totalsOf(doc);
  const majority = bold + boldItalic === 0 ? 'none' : bold > boldItalic ? 'bold' : 'bold-italic';
  return { labelStyle: labelStyle && labelStyle !== 'auto' ? labelStyle : majority, korean: sections > 0 && korean * 2 > sections };
}
