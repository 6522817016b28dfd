// Writing digests: new files, entry skeletons, sorting a day by votes, and exports (CSV, BibTeX).
import { arxivAbsUrl, baseArxivId, isArxivUrl, thumbnailUrl } from './arxiv';
import { labelMarkup } from './lines';
import { lineBreakOf } from './document';
import { toBibtex } from './bibtex';
import type { DigestDocument, DigestEntry, TextEdit } from './types';

export function newDigestText(date: string): string {
  return `## Daily Papers (${date})\n\n`;
}

/** True for the text of a digest as New Digest makes it: a day header and nothing else yet. */
export function isNewDigestText(text: string): boolean {
  return /^## Daily Papers \([^)\n]*\)\s*$/.test(text);
}

/** `paper_logs/YYYY/MM/DD.md` with the date filled in. */
export function digestPath(pattern: string, date: string): string {
  const [yyyy, mm, dd] = date.split('-');
  return pattern.replace(/YYYY/g, yyyy).replace(/MM/g, mm).replace(/DD/g, dd);
}

export interface EntryDraft {
  readonly arxivId: string;
  readonly title?: string;
  readonly authors?: readonly string[];
  readonly labelStyle?: 'bold' | 'bold-italic';
}

/** A new entry in the canonical layout; unknown parts are left as visible placeholders. */
export function entryText({ arxivId, title, authors, labelStyle = 'bold-italic' }: EntryDraft, eol = '\n'): string {
  const id = baseArxivId(arxivId);
  const label = (name: string) => `- ${labelMarkup(name, labelStyle)}`;
  return [
    `### [${title?.trim() || 'Title'}](${arxivAbsUrl(id)})`,
    '',
    `![](${thumbnailUrl(id)})`,
    '',
    'Vote: 0',
    '',
    `Authors: ${authors?.length ? authors.join(', ') : 'Author One, Author Two'}`,
    '',
    label("What's New"),
    label('Technical Details'),
    label('Performance Highlights'),
    '',
  ].join(eol);
}

/** Accepts `2501.17161`, `arXiv:2501.17161`, or an arxiv.org abs/pdf URL; returns the ID or null. */
export function parseArxivInput(input: string): string | null {
  const m = /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv:\s*)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z.-]*\/\d{7}(?:v\d+)?)(?:\.pdf)?\/?$/i.exec(input.trim());
  return m ? m[1] : null;
}

/**
 * Edits that sort each day's entries by votes, highest first; stable, entries without votes last.
 * Each entry moves with its own text; the layout between entries becomes one blank line.
 */
export function sortEntriesByVotes(doc: DigestDocument): TextEdit[] {
  const eol = lineBreakOf(doc);
  const edits: TextEdit[] = [];
  for (const day of doc.days) {
    if (day.entries.length < 2) continue;
    const votes = (e: DigestEntry) => e.vote?.value ?? -1;
    const sorted = day.entries.map((e, i) => ({ e, i })).sort((a, b) => votes(b.e) - votes(a.e) || a.i - b.i);
    if (sorted.every(({ i }, k) => i === k)) continue;
    const first = day.entries[0].range.start;
    const last = day.entries[day.entries.length - 1].range.end;
    const newText = sorted.map(({ e }) => doc.text.slice(e.range.start.offset, e.range.end.offset)).join(eol + eol);
    edits.push({ range: { start: first, end: last }, newText });
  }
  return edits;
}

/** A field quoted as Python's `csv` module does by default (QUOTE_MINIMAL, doubled quotes). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  /** `as-written` (default): the heading's link text, as the generator's `papers_list.csv`; `plain`: markup removed. */
  readonly titles?: 'as-written' | 'plain';
  /** Line terminator; default `\r\n`, what Python's `csv.writer` writes. */
  readonly eol?: '\r\n' | '\n';
}

/**
 * The generator's `paper_logs/papers_list.csv`: `date,title,url`, one row per entry of every day, the title as written
 * in the heading's link, the arXiv URL (derived from the ID when the heading links to the Hugging Face page).
 */
export function toCsv(docs: readonly DigestDocument[], { titles = 'as-written', eol = '\r\n' }: CsvOptions = {}): string {
  const rows = ['date,title,url'];
  for (const doc of docs) {
    for (const day of doc.days) {
      for (const e of day.entries) {
        const url = e.url && e.arxivId && !isArxivUrl(e.url) ? arxivAbsUrl(e.arxivId) : (e.url ?? '');
        rows.push([day.date, titles === 'plain' ? e.title : e.titleSource, url].map(csvField).join(','));
      }
    }
  }
  return rows.join(eol) + eol;
}

/** One BibTeX entry per paper (each paper once, at its first appearance). */
export function toBibliography(docs: readonly DigestDocument[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const doc of docs) {
    for (const day of doc.days) {
      for (const e of day.entries) {
        if (!e.arxivId || seen.has(baseArxivId(e.arxivId))) continue;
        seen.add(baseArxivId(e.arxivId));
        out.push(toBibtex({ arxivId: e.arxivId, title: e.title, authors: e.authors?.names ?? [], authorsOmitted: e.authors?.omitted, date: day.date }));
      }
    }
  }
  return out.join('\n');
}

/** One edit that turns `before` into `after`, touching only the part that differs (null when equal). */
export function minimalEdit(before: string, after: string): { start: number; end: number; newText: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}
