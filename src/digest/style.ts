// What a document looks like as a whole: its label style and language, so era-dependent checks, the formatter
// and authoring judge it by its own majority.
import { EntrySum } from './entrySums';
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

/** The document's counts, kept from version to version. */
const totals = new EntrySum<keyof EntryCounts>(['sections', 'bold', 'boldItalic', 'korean'], countsOf);

/** The document's majority style; `labelStyle` (a setting other than `auto`) overrides the label part. */
export function detectStyle(doc: DigestDocument, labelStyle?: 'auto' | 'bold' | 'bold-italic'): DocumentStyle {
  const { sections, bold, boldItalic, korean } = totals.of(doc);
  const majority = bold + boldItalic === 0 ? 'none' : bold > boldItalic ? 'bold' : 'bold-italic';
  return { labelStyle: labelStyle && labelStyle !== 'auto' ? labelStyle : majority, korean: sections > 0 && korean * 2 > sections };
}
