// Test helpers: fixtures, and checks that a model's ranges agree with the text they came from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as assert from 'node:assert/strict';
import type { DigestDocument, Position, Range } from '../../src/digest';
import type { MetadataStore } from '../../src/metadata/store';

export const fixture = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');

/** The digest fixtures written for the project: every era, a README-embedded digest, CRLF, video entries, list-style
 *  authors, several days in one file. The tests' stand-in for a real corpus (which comes only through options). */
export const digestFixtures = (): string[] => readdirSync(join(__dirname, '..', 'fixtures')).filter((f) => f.endsWith('.md')).sort();

export const slice = (text: string, r: Range): string => text.slice(r.start.offset, r.end.offset);

/** Line and character computed from the offset, independently of the parser. */
function expectedPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function checkPosition(text: string, p: Position, what: string): void {
  assert.ok(p.offset >= 0 && p.offset <= text.length, `${what}: offset ${p.offset} outside the text`);
  assert.deepEqual({ line: p.line, character: p.character }, expectedPosition(text, p.offset), `${what}: line/character disagree with offset`);
}

function checkRange(text: string, r: Range, what: string): void {
  checkPosition(text, r.start, `${what} start`);
  checkPosition(text, r.end, `${what} end`);
  assert.ok(r.end.offset >= r.start.offset, `${what}: reversed`);
}

/** Asserts that every range of the model lies in the text and points at what it names. */
export function assertRangesAgree(doc: DigestDocument): void {
  const { text } = doc;
  for (const d of doc.days) {
    checkRange(text, d.headerRange, 'day header');
    checkRange(text, d.range, 'day');
    assert.equal(slice(text, d.dateRange), d.date);
  }
  for (const e of doc.entries) {
    const at = `entry "${e.title}"`;
    checkRange(text, e.range, at);
    assert.match(slice(text, e.headingRange), /^ {0,3}###/, `${at}: heading range`);
    assert.equal(slice(text, e.titleRange), e.titleSource, `${at}: title range`);
    if (e.urlRange) assert.equal(slice(text, e.urlRange), e.url, `${at}: url range`);
    for (const m of e.media) assert.equal(slice(text, m.urlRange), m.url, `${at}: media url range`);
    if (e.vote) assert.equal(slice(text, e.vote.valueRange), e.vote.raw, `${at}: vote range`);
    if (e.authors) assert.equal(slice(text, e.authors.valueRange), e.authors.raw, `${at}: authors range`);
    for (const s of e.sections) {
      checkRange(text, s.range, `${at} section`);
      assert.match(slice(text, s.range), /^ ?[-*+]/, `${at}: section range starts at its bullet`);
      if (s.labelRange) assert.ok(slice(text, s.labelRange).includes(s.label ?? '\0'), `${at}: label range`);
      assert.equal(slice(text, { start: s.textStart, end: s.range.end }).replace(/\r\n/g, '\n').trim(), s.text, `${at}: section text`);
    }
    for (const f of e.fields) checkRange(text, f.range, `${at} field`);
  }
}

/** The built command line (`npm run build` makes it; `npm test` builds first). */
export const cliPath = join(__dirname, '..', '..', 'dist', 'cli.js');

/** Runs `daily-papers ARGS` from the repository root; its exit status and both streams. */
export function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  assert.ok(existsSync(cliPath), 'dist/cli.js is missing: run `npm run build` first (npm test does)');
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A metadata cache kept in memory: the service's store in tests (one instance shared by two services is a restart). */
export class MemoryMetadataStore implements MetadataStore {
  text: string | undefined;

  async read(maxBytes: number): Promise<string | undefined> {
    if (this.text !== undefined && this.text.length > maxBytes) throw new Error(`the cache has ${this.text.length} characters, over the cap`);
    return this.text;
  }

  async write(text: string): Promise<void> {
    this.text = text;
  }
}
