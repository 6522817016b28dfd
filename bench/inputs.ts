// The benchmark inputs, all from the real corpus: a seed-sized digest, a ~1 MB digest, a keystroke site, the workspace.
import fs from 'node:fs';
import path from 'node:path';
import type { DigestDocument, TextChange } from '../src/digest';

/** The seed digest's size: the file under dev/ whose size in bytes is closest to this is case (a)'s input. */
export const SEED_BYTES = 13_700;
/** Case (b)'s input: dev files concatenated in sorted order until the text reaches this many characters. */
export const BIG_CHARS = 1_000_000;

/** `../shared/corpus` from the repository root; the bundle runs from dist/, the sources from bench/. */
export function findCorpus(): string {
  const candidates = [
    process.env.DIGEST_CORPUS,
    path.resolve(__dirname, '..', '..', 'shared', 'corpus'),
    path.resolve(process.cwd(), '..', 'shared', 'corpus'),
  ].filter((c): c is string => !!c);
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'dev')));
  if (!found) throw new Error(`corpus not found; tried ${candidates.join(', ')} (set DIGEST_CORPUS)`);
  return found;
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
  const dev = markdownFiles(path.join(corpus, 'dev'));
  let best = dev[0];
  for (const f of dev) if (Math.abs(fs.statSync(f).size - SEED_BYTES) < Math.abs(fs.statSync(best).size - SEED_BYTES)) best = f;
  return input(path.relative(corpus, best), fs.readFileSync(best, 'utf8'));
}

/** Dev files in sorted order, each with its own day header, until the text has at least BIG_CHARS characters. */
export function bigInput(corpus: string): Input & { readonly files: number } {
  const parts: string[] = [];
  let length = 0;
  for (const f of markdownFiles(path.join(corpus, 'dev'))) {
    if (length >= BIG_CHARS) break;
    let t = fs.readFileSync(f, 'utf8');
    if (!t.endsWith('\n')) t += '\n';
    parts.push(t);
    length += t.length;
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
  const paths = ['dev', 'readme'].flatMap((d) => markdownFiles(path.join(corpus, d)));
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
