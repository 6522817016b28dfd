// Reading the CLI's inputs: files and directories (searched recursively for *.md), strict UTF-8.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
