// Applying fixes to text: one fix, or all of them (non-overlapping ones per pass, re-validating between passes).
import { parseDigest } from '../document';
import type { TextEdit } from '../types';
import { validate, type ValidateOptions } from './engine';
import type { Problem } from './types';

/** Applies edits to `text`; returns null when two edits overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string | null {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset || b.range.end.offset - a.range.end.offset);
  let result = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.range.end.offset > limit) return null;
    result = result.slice(0, e.range.start.offset) + e.newText + result.slice(e.range.end.offset);
    limit = e.range.start.offset;
  }
  return result;
}

/** The edits of every fixable problem that do not overlap an earlier one (or each other's duplicates). */
export function nonOverlappingFixEdits(problems: readonly Problem[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    if (!p.fix) continue;
    const key = JSON.stringify(p.fix.edits.map((e) => [e.range.start.offset, e.range.end.offset, e.newText]));
    if (seen.has(key)) continue;
    const clash = p.fix.edits.some((e) => chosen.some((c) => e.range.start.offset < c.range.end.offset && c.range.start.offset < e.range.end.offset || (e.range.start.offset === c.range.start.offset && e.range.end.offset === c.range.end.offset)));
    if (clash) continue;
    seen.add(key);
    chosen.push(...p.fix.edits);
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
