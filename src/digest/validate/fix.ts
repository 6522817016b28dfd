// Applying fixes to text: one fix, or all of them (non-overlapping ones per pass, re-validating between passes).
import { parseDigest } from '../document';
import type { TextEdit } from '../types';
import { validate, type ValidateOptions } from './engine';
import type { Problem } from './types';
import { countBelow } from '../sorted';

/** Applies edits to `text` in one pass (linear in the text and the edits); returns null when two edits overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string | null {
  // Ascending by range; edits at one point go in reverse of their given order, as applying them one by one from the end would.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.range.start.offset - b.e.range.start.offset || a.e.range.end.offset - b.e.range.end.offset || b.i - a.i);
  const parts: string[] = [];
  let copied = 0;
  for (const { e } of order) {
    if (e.range.start.offset < copied) return null;
    parts.push(text.slice(copied, e.range.start.offset), e.newText);
    copied = e.range.end.offset;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

const clashes = (a: TextEdit, b: TextEdit): boolean =>
  (a.range.start.offset < b.range.end.offset && b.range.start.offset < a.range.end.offset) ||
  (a.range.start.offset === b.range.start.offset && a.range.end.offset === b.range.end.offset);

/** Index of the first edit in `sorted` (by start, then end) that starts at or after `offset`. */
const lowerBound = (sorted: readonly TextEdit[], offset: number): number => countBelow(sorted, (e) => e.range.start.offset, offset);

/**
 * The edits of every fixable problem that do not overlap an earlier one (or each other's duplicates). The chosen
 * edits never overlap each other, so kept sorted only an edit's neighbours can clash with a new one: a binary search
 * per edit instead of a scan of all chosen ones (problems come sorted, so insertions are appends).
 */
export function nonOverlappingFixEdits(problems: readonly Problem[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    if (!p.fix) continue;
    const key = JSON.stringify(p.fix.edits.map((e) => [e.range.start.offset, e.range.end.offset, e.newText]));
    if (seen.has(key)) continue;
    const clash = p.fix.edits.some((e) => {
      const at = lowerBound(chosen, e.range.start.offset);
      for (let j = Math.max(0, at - 1); j <= at + 1 && j < chosen.length; j++) if (clashes(e, chosen[j])) return true;
      return false;
    });
    if (clash) continue;
    seen.add(key);
    for (const e of p.fix.edits) {
      let at = lowerBound(chosen, e.range.start.offset);
      while (at < chosen.length && chosen[at].range.start.offset === e.range.start.offset && chosen[at].range.end.offset < e.range.end.offset) at++;
      chosen.splice(at, 0, e);
    }
  }
  return chosen;
}

/** Fixes everything fixable, in up to 10 passes; returns the new text and how many fixes were applied. */
export function fixAll(text: string, options: ValidateOptions = {}): { text: string; fixed: number } {
  let fixed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const edits = nonOverlappingFixEdits(validate(parseDigest(text), options));
    const next = edits.length ? applyEdits(text, edits) : null;
    if (next === null || next === text) break;
    fixed += edits.length;
    text = next;
  }
  return { text, fixed };
}
