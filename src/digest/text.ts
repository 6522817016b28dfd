// Small text helpers shared by the scanner and the entry parser: lines, positions, ranges.
import type { Position, Range } from './types';

/** One source line without its line break; `end` is the offset just before the break. */
export interface Line {
  readonly text: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** Iterates the lines of `text[from, to)` (from must be a line start); `\r\n` and `\n` both end a line. */
export function* linesOf(text: string, from: number, to: number, firstLine: number): Generator<Line> {
  let start = from;
  let line = firstLine;
  while (start < to) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl >= to) nl = to;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    yield { text: text.slice(start, end), line, start, end };
    if (nl >= to) return;
    start = nl + 1;
    line++;
  }
}

export function position(line: number, character: number, lineStart: number): Position {
  return { line, character, offset: lineStart + character };
}

/** A range on one line from character `from` to `to`. */
export function lineRange(l: Line, from = 0, to = l.text.length): Range {
  return { start: position(l.line, from, l.start), end: position(l.line, to, l.start) };
}

export function spanRange(first: Line, last: Line, fromChar = 0, toChar = last.text.length): Range {
  return { start: position(first.line, fromChar, first.start), end: position(last.line, toChar, last.start) };
}

/** `s` without trailing spaces and TABs; a plain loop, linear however long the run of spaces. */
export function trimEndBlanks(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without leading spaces and TABs. */
export function trimStartBlanks(s: string): string {
  let start = 0;
  while (start < s.length && (s.charCodeAt(start) === 32 || s.charCodeAt(start) === 9)) start++;
  return start === 0 ? s : s.slice(start);
}

/** Whether a character is whitespace as `trim()` sees it (spaces, TABs, line breaks, Unicode spaces). */
export const isWhitespace = (c: string): boolean => /\s/.test(c);

/** Only spaces and TABs (or nothing). */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) return false;
  return true;
}

/** Counts the line breaks in `s` (a `\r\n` counts once). */
export function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
