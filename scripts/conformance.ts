// `npm run conformance -- <dir>...`: checks every Markdown file of real digests: the model's invariants, the formatter's
// round trip (idempotent, every word and field kept), incremental parsing equal to a fresh parse over seeded random
// edits, and validation without a crash. [--seed N] [--edits N] (per file). The unit tests do the same on fixtures.
import { collectMarkdownFiles, readUtf8 } from '../src/cli/files';
import { applyChanges, formatDigest, parseDigest, updateDigest, validate, type DigestDocument, type Range, type TextChange } from '../src/digest';
import { recordCounts } from './ci/counts.mjs';

/** Counts entry headings independently of the parser: H3 lines outside fences, inside a day section. */
function countEntryHeadings(text: string): number {
  let fence: string | null = null;
  let inDay = false;
  let count = 0;
  for (const line of text.split(/\r?\n/)) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = null;
      continue;
    }
    if (f) fence = f[1];
    else if (/^## Daily Papers \(/.test(line)) inDay = true;
    else if (/^#{1,2} /.test(line)) inDay = false;
    else if (/^### /.test(line) && (inDay || /\(https?:\/\/arxiv\.org\//.test(line))) count++;
  }
  return count;
}

function checkRange(doc: DigestDocument, r: Range, what: string, problems: string[]): void {
  const ok = (p: Range['start']) => p.offset >= 0 && p.offset <= doc.text.length && p.line < doc.lineCount && p.character >= 0;
  if (!ok(r.start) || !ok(r.end) || r.end.offset < r.start.offset) problems.push(`${what}: range out of the document or reversed`);
}

export function checkFile(text: string): string[] {
  const problems: string[] = [];
  let doc: DigestDocument;
  try {
    doc = parseDigest(text);
  } catch (e) {
    return [`parser threw: ${String(e)}`];
  }
  const expected = countEntryHeadings(text);
  if (doc.entries.length !== expected) problems.push(`${doc.entries.length} entries parsed, ${expected} entry headings in the text`);
  for (const e of doc.entries) {
    const at = `entry at line ${e.range.start.line + 1}`;
    if (!e.arxivId) problems.push(`${at}: no arXiv ID`);
    if (!text.slice(e.headingRange.start.offset, e.headingRange.end.offset).includes('###')) problems.push(`${at}: heading range misplaced`);
    for (const r of [e.range, e.titleRange, ...e.media.map((m) => m.urlRange), ...e.sections.map((s) => s.range), ...e.fields.map((f) => f.range)]) {
      checkRange(doc, r, at, problems);
    }
    for (const m of e.media) if (text.slice(m.urlRange.start.offset, m.urlRange.end.offset) !== m.url) problems.push(`${at}: media URL range misplaced`);
  }
  return problems;
}

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
/** What a reader gets from an entry: formatting must keep all of it. */
const model = (text: string) =>
  JSON.stringify(parseDigest(text).entries.map((e) => [e.title, e.arxivId, e.vote?.value ?? null, e.authors?.names ?? [], e.media.map((m) => m.url), e.sections.map((s) => [s.label, s.text.replace(/\s+/g, ' ')])]));

/** The formatter's round trip: idempotent, every word and every field kept. */
export function checkRoundTrip(text: string): string[] {
  const once = formatDigest(parseDigest(text));
  const problems: string[] = [];
  if (formatDigest(parseDigest(once)) !== once) problems.push('formatting twice changed the text');
  if (words(once).join(' ') !== words(text).join(' ')) problems.push('formatting changed the words');
  if (model(once) !== model(text)) problems.push('formatting changed an entry\'s fields');
  return problems;
}

/** A small seeded generator (mulberry32), so a failing edit sequence can be replayed with --seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const SNIPPETS = ['x', '\n', '\r\n', '### ', '## Daily Papers (2025-01-02)\n', '```\n', '<!--', '- ', "- ***What's New***: ", 'Vote: 3\n', '한글', '\b', '['];
const shape = (d: DigestDocument) => JSON.stringify({ days: d.days, orphans: d.orphanEntries, entries: d.entries, lines: d.lineCount });

/** Random single-change edits one after another: the incremental model must equal a fresh parse after each. */
export function checkIncremental(text: string, next: () => number, edits: number): string[] {
  let doc = parseDigest(text);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (doc.text.length + 1));
    const change: TextChange = { rangeOffset: at, rangeLength: Math.min(Math.floor(next() * 8), doc.text.length - at), text: SNIPPETS[Math.floor(next() * SNIPPETS.length)]! };
    const after = applyChanges(doc.text, [change]);
    doc = updateDigest(doc, after, [change]);
    if (shape(doc) !== shape(parseDigest(after))) return [`edit ${i + 1} (${JSON.stringify(change)}): incremental parse differs from a fresh one`];
  }
  return [];
}

function checkLint(text: string): string[] {
  try {
    validate(parseDigest(text));
    return [];
  } catch (e) {
    return [`validation threw: ${String(e)}`];
  }
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function main(): number {
  const args = process.argv.slice(2);
  const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const seed = option('seed', Date.now() % 2 ** 31);
  const edits = option('edits', 20);
  if (dirs.length === 0 || !Number.isInteger(seed) || !Number.isInteger(edits)) {
    console.error('usage: npm run conformance -- <dir>... [--seed N] [--edits N]');
    return 2;
  }
  const files = collectMarkdownFiles(dirs);
  const next = random(seed);
  let failed = 0;
  let entries = 0;
  for (const file of files) {
    const text = readUtf8(file);
    entries += parseDigest(text).entries.length;
    const problems = [...checkFile(text), ...checkRoundTrip(text), ...checkIncremental(text, next, edits), ...checkLint(text)];
    if (problems.length) {
      failed++;
      for (const p of problems.slice(0, 10)) console.log(`${file}: ${p}`);
    }
  }
  console.log(`conformance: ${files.length} files, ${entries} entries, ${edits} random edits each (seed ${seed}, replay with --seed ${seed})`);
  console.log(`conformance: ${files.length - failed} passed, ${failed} failed`);
  recordCounts('conformance', files.length - failed, failed);
  return failed ? 1 : 0;
}

process.exitCode = main();
