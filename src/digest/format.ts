// The digest formatter: the canonical layout of the document's own era, changing layout only —
// never a title, an ID, a number or a summary's words.
import { detectStyle } from './style';
import { BlockTracker, labelMarkup } from './lines';
import { trimEndBlanks } from './text';
import type { DigestDocument, DigestEntry, LabelStyle, Range } from './types';

export interface FormatOptions {
  /** Label style to write; default: the document's majority. */
  readonly labelStyle?: 'bold' | 'bold-italic';
}

interface Block {
  /** Source lines of the block (without line breaks). */
  readonly lines: string[];
  readonly kind: 'heading' | 'field' | 'bullet' | 'other';
}

const lineAt = (doc: DigestDocument, lineStarts: number[], line: number) => {
  const start = lineStarts[line];
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : doc.text.length;
  return doc.text.slice(start, end).replace(/\r$/, '');
};

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** True when most entries put their first field right under the heading (the oldest digests do). */
function isCompact(doc: DigestDocument): boolean {
  let compact = 0;
  let spaced = 0;
  for (const e of doc.entries) {
    const first = e.fields[0];
    if (!first) continue;
    if (first.range.start.line - e.headingRange.start.line <= 1) compact++;
    else spaced++;
  }
  return compact > spaced;
}

function relabel(line: string, entry: DigestEntry, lineNo: number, style: 'bold' | 'bold-italic'): string {
  const section = entry.sections.find((s) => s.range.start.line === lineNo);
  if (!section?.labelRange || !section.label || section.labelStyle === 'none') return line;
  const { start, end } = section.labelRange;
  return line.slice(0, start.character) + labelMarkup(section.label, style) + line.slice(end.character);
}

function entryBlocks(doc: DigestDocument, starts: number[], entry: DigestEntry, style: 'bold' | 'bold-italic'): Block[] {
  const inRange = (r: Range, line: number) => r.start.line <= line && line <= r.end.line;
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (let line = entry.range.start.line; line <= entry.range.end.line; line++) {
    let text = trimEndBlanks(lineAt(doc, starts, line));
    const section = entry.sections.find((s) => inRange(s.range, line));
    const isSectionStart = section?.range.start.line === line;
    if (text === '') {
      // Blank lines separate blocks; inside a bullet they are kept (a loose paragraph of the same bullet).
      if (current?.kind === 'bullet' && section && !isSectionStart && line < section.range.end.line) current.lines.push('');
      else current = null;
      continue;
    }
    if (line === entry.headingRange.start.line) {
      blocks.push((current = { kind: 'heading', lines: [text] }));
    } else if (section) {
      if (isSectionStart) {
        text = relabel(text, entry, line, style);
        blocks.push((current = { kind: 'bullet', lines: [text] }));
      } else current!.lines.push(text);
    } else {
      const field = entry.fields.find((f) => f.kind !== 'summary' && inRange(f.range, line));
      if (entry.authors?.style === 'python-list' && entry.authors.range.start.line === line) text = `Authors: ${entry.authors.names.join(', ')}`;
      if (field && field.range.start.line !== line && current) current.lines.push(text);
      else blocks.push((current = { kind: field ? 'field' : 'other', lines: [text] }));
    }
  }
  return blocks;
}

function joinBlocks(blocks: Block[], compact: boolean): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const previous = blocks[i - 1];
    const tight = compact || (previous?.kind === 'bullet' && b.kind === 'bullet');
    if (i > 0 && !tight) out.push('');
    for (const line of b.lines) out.push(line);
  });
  return out;
}

/** The formatted text. Idempotent; outside day sections only trailing whitespace changes. */
export function formatDigest(doc: DigestDocument, options: FormatOptions = {}): string {
  const starts = computeLineStarts(doc.text);
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const majority: LabelStyle = options.labelStyle ?? detectStyle(doc).labelStyle;
  const style = majority === 'bold' ? 'bold' : 'bold-italic';
  const compact = isCompact(doc);
  const out: string[] = [];
  let line = 0;
  const blocks = new BlockTracker();
  const copyUntil = (end: number) => {
    for (; line < end; line++) {
      const text = lineAt(doc, starts, line);
      const wasInside = blocks.inside;
      // Inside code blocks every character is content (the fence lines themselves are trimmed).
      const block = blocks.step(text);
      out.push(block?.kind === 'fence' && wasInside && blocks.inside ? text : trimEndBlanks(text));
    }
  };
  for (const day of doc.days) {
    copyUntil(day.headerRange.start.line + 1);
    for (const entry of day.entries) {
      copyUntil(entry.range.start.line);
      trimBlankRun(out, 1);
      // A loop, not push(...lines): an entry can have more lines than the stack has room for arguments.
      for (const l of joinBlocks(entryBlocks(doc, starts, entry, style), compact)) out.push(l);
      line = entry.range.end.line + 1;
      // Exactly one blank line after an entry, whatever the source had.
      while (line < starts.length && lineAt(doc, starts, line).trim() === '') line++;
      out.push('');
    }
  }
  copyUntil(starts.length);
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out.join(eol) + eol;
}

/** Leaves exactly `keep` blank lines at the end of `out` (when it does not end a fence or the start). */
function trimBlankRun(out: string[], keep: number): void {
  while (out.length && out[out.length - 1] === '') out.pop();
  if (out.length) for (let i = 0; i < keep; i++) out.push('');
}
