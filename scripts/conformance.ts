// `npm run conformance -- <dir>`: parses every Markdown file of a directory and checks the model's invariants.
import { collectMarkdownFiles, readUtf8 } from '../src/cli/files';
import { parseDigest, type DigestDocument, type Range } from '../src/digest';

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

function main(): number {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: npm run conformance -- <dir>...');
    return 2;
  }
  const files = collectMarkdownFiles(dirs);
  let failed = 0;
  let entries = 0;
  for (const file of files) {
    const text = readUtf8(file);
    entries += parseDigest(text).entries.length;
    const problems = checkFile(text);
    if (problems.length) {
      failed++;
      for (const p of problems.slice(0, 10)) console.log(`${file}: ${p}`);
    }
  }
  console.log(`conformance: ${files.length} files, ${entries} entries, ${failed} files with violations`);
  return failed ? 1 : 0;
}

process.exitCode = main();
