// Reading the CLI's inputs: files and directories (searched recursively for *.md), strict UTF-8.
import { chmodSync, closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A usage or I/O problem: the CLI prints its message on one line and exits with status 2. */
export class CliError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Expands the arguments to Markdown files in a stable order (directories sorted, recursively). */
export function collectMarkdownFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const stat = statOrThrow(p);
    if (stat.isDirectory()) walk(p, files);
    else files.push(p);
  }
  return files;
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new CliError(`cannot read directory ${dir}: ${(e as Error).message}`);
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statOrThrow(path);
    if (stat.isDirectory()) walk(path, out);
    else if (name.toLowerCase().endsWith('.md')) out.push(path);
  }
}

function statOrThrow(path: string) {
  try {
    return statSync(path);
  } catch {
    throw new CliError(`no such file or directory: ${path}`);
  }
}

/** Reads a file as UTF-8, dropping a byte-order mark; a file that is not valid UTF-8 is an error. */
export function readUtf8(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CliError(`${path} is not valid UTF-8`);
  }
}

/** True when the file starts with a UTF-8 byte-order mark (which `readUtf8` drops and a rewrite must keep). */
function hasByteOrderMark(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && head.equals(Buffer.from([0xef, 0xbb, 0xbf]));
  } finally {
    closeSync(fd);
  }
}

/**
 * Rewrites a file through a temporary file and a rename, so an error never leaves a truncated digest; keeps the
 * file's byte-order mark and permissions. The one write path of the CLI (`lint --fix`, `format`).
 */
export function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const bom = hasByteOrderMark(file) ? '\uFEFF' : '';
    writeFileSync(temp, bom + text, 'utf8');
    chmodSync(temp, statSync(file).mode & 0o7777);
    renameSync(temp, file);
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    throw new CliError(`cannot write ${file}: ${(e as Error).message}`);
  }
}
