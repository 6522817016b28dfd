// The benchmark inputs: a seed-sized digest, a ~1 MB digest, a keystroke site, the workspace. They come from a real
// corpus given with `--corpus DIR` (its dev/ and readme/ folders, as in the real corpus, or every digest of DIR), or
// else from a corpus generated out of the project's digest fixtures (test/fixtures).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDigest, type DigestDocument, type TextChange } from '../src/digest';

/** The seed digest's size: the file under dev/ whose size in bytes is closest to this is case (a)'s input. */
export const SEED_BYTES = 13_700;
/** Case (b)'s input: dev files concatenated in sorted order until the text reaches this many bytes of UTF-8 (a real 1 MB file). */
export const BIG_BYTES = 1_000_000;

/** The corpus the benchmark measures on: `--corpus DIR` from the command line, or a generated one. */
export function benchCorpus(args: readonly string[] = process.argv): string {
  return givenCorpus(args) ?? generateCorpus();
}

/** The folder `--corpus DIR` names on the command line (checked), or undefined without the option. */
export function givenCorpus(args: readonly string[] = process.argv): string | undefined {
  const i = args.indexOf('--corpus');
  if (i < 0) return undefined;
  const dir = args[i + 1];
  if (!dir || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--corpus wants a folder of digests, not ${dir ?? 'nothing'}`);
  return path.resolve(dir);
}

/** The digests of a corpus: under dev/ when it has one (the real corpus's layout), else all of it. */
export function digestsDir(corpus: string): string {
  const dev = path.join(corpus, 'dev');
  return fs.existsSync(dev) ? dev : corpus;
}

/**
 * A corpus in the real one's layout (dev/YYYY/MM/DD.md), sized like it: 200 digests of 1 to 60 entries cut from the
 * project's fixtures, each entry under an arXiv ID of its own (no duplicate-paper noise). Written once per process.
 */
let generated: string | undefined;
export function generateCorpus(days = 200): string {
  if (generated) return generated;
  const fixtures = path.resolve(__dirname, '..', 'test', 'fixtures');
  const entries = markdownFiles(fixtures).flatMap((f) => {
    const text = fs.readFileSync(f, 'utf8').replace(/\r\n/g, '\n');
    const doc = parseDigest(text);
    return doc.days.length ? doc.entries.map((e) => text.slice(e.range.start.offset, e.range.end.offset).trimEnd()) : [];
  });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-bench-corpus-'));
  let serial = 0;
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    const count = 1 + ((d * 37) % 60);
    const parts = [`## Daily Papers (${date})`];
    for (let k = 0; k < count; k++) {
      const id = `${date.slice(2, 4)}${date.slice(5, 7)}.${String(serial++ % 100_000).padStart(5, '0')}`;
      parts.push(entries[serial % entries.length]!.replace(/\d{4}\.\d{4,5}/g, id));
    }
    const file = path.join(root, 'dev', date.slice(0, 4), date.slice(5, 7), `${date.slice(8)}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${parts.join('\n\n')}\n\n`);
  }
  process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  return (generated = root);
}

/** Every `.md` file under `dir`, recursively, sorted by path. */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

/**
 * Makes sure V8 holds `s` as one flat string. Text built by concatenation is a rope that V8 flattens on first
 * access (~2 ms for 1 MB), and VS Code hands extensions a freshly joined, flat string: the flattening must not be
 * billed to the parser. Reading a character in the middle forces it.
 */
export function flat(s: string): string {
  s.charCodeAt(s.length >> 1);
  return s;
}

export interface Input {
  readonly name: string;
  readonly text: string;
  readonly chars: number;
  readonly bytes: number;
}

function input(name: string, text: string): Input {
  return { name, text: flat(text), chars: text.length, bytes: Buffer.byteLength(text, 'utf8') };
}

/** The dev file closest to SEED_BYTES in size. */
export function seedInput(corpus: string): Input {
  const dev = markdownFiles(digestsDir(corpus));
  let best = dev[0];
  for (const f of dev) if (Math.abs(fs.statSync(f).size - SEED_BYTES) < Math.abs(fs.statSync(best).size - SEED_BYTES)) best = f;
  return input(path.relative(corpus, best), fs.readFileSync(best, 'utf8'));
}

/** Dev files in sorted order, each with its own day header, until the text has at least BIG_BYTES bytes of UTF-8. */
export function bigInput(corpus: string): Input & { readonly files: number } {
  const parts: string[] = [];
  let length = 0;
  for (const f of markdownFiles(digestsDir(corpus))) {
    if (length >= BIG_BYTES) break;
    let t = fs.readFileSync(f, 'utf8');
    if (!t.endsWith('\n')) t += '\n';
    parts.push(t);
    length += Buffer.byteLength(t);
  }
  // join() builds a flat string directly.
  return { ...input(`dev/ first ${parts.length} files`, parts.join('')), files: parts.length };
}

export interface Workspace {
  readonly files: { readonly path: string; readonly text: string }[];
  readonly chars: number;
  readonly bytes: number;
}

/** All digests of the corpus (dev/ and readme/, recursively), as a workspace the extension would open. */
export function workspaceInput(corpus: string): Workspace {
  const readme = path.join(corpus, 'readme');
  const paths = [...markdownFiles(digestsDir(corpus)), ...(fs.existsSync(readme) ? markdownFiles(readme) : [])];
  const files = paths.map((p) => ({ path: path.relative(corpus, p), text: flat(fs.readFileSync(p, 'utf8')) }));
  return {
    files,
    chars: files.reduce((n, f) => n + f.text.length, 0),
    bytes: files.reduce((n, f) => n + Buffer.byteLength(f.text, 'utf8'), 0),
  };
}

export interface KeystrokeSite {
  readonly offset: number;
  readonly entryIndex: number;
  readonly entryCount: number;
  readonly title: string;
  /** 0-based line of the offset. */
  readonly line: number;
  /** One character inserted at `offset`, and the change that deletes it again. */
  readonly insert: readonly TextChange[];
  readonly remove: readonly TextChange[];
}

/** A spot in the middle of a summary bullet of the entry nearest the middle of the document, found through the model. */
export function keystrokeSite(doc: DigestDocument): KeystrokeSite {
  const n = doc.entries.length;
  const mid = n >> 1;
  for (let k = 0; k < n; k++) {
    const i = mid + (k % 2 ? (k + 1) >> 1 : -(k >> 1));
    const entry = doc.entries[i];
    if (!entry) continue;
    const section = [...entry.sections].sort((a, b) => b.text.length - a.text.length)[0];
    if (!section || section.text.length < 8) continue;
    let offset = (section.textStart.offset + section.range.end.offset) >> 1;
    // Not between the halves of a surrogate pair, and not on a line break.
    while (/[\n\r\uDC00-\uDFFF]/.test(doc.text[offset]) && offset < section.range.end.offset) offset++;
    const line = doc.text.slice(0, offset).split('\n').length - 1;
    return {
      offset,
      entryIndex: i,
      entryCount: n,
      title: entry.title,
      line,
      insert: [{ rangeOffset: offset, rangeLength: 0, text: 'x' }],
      remove: [{ rangeOffset: offset, rangeLength: 1, text: '' }],
    };
  }
  throw new Error('no entry with a summary bullet in the 1 MB digest');
}
