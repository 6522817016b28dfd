// Reading the CLI's inputs: files and directories (searched recursively for *.md), strict UTF-8.
import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** A usage or I/O problem: the CLI prints its message on one line and exits with status 2. */
export class CliError extends Error {}

/**
 * Where problems with single inputs go, so one bad entry does not stop the run: `warn` for what is skipped on purpose
 * (a FIFO in a directory), `fail` for what could not be read (the run goes on and exits with status 2).
 */
export interface InputReporter {
  warn(message: string): void;
  fail(message: string): void;
}

/** Aborts at the first bad input (the behaviour when no reporter is given). */
const ABORT: InputReporter = {
  warn: (message) => process.stderr.write(`daily-papers: warning: ${message}\n`),
  fail: (message) => {
    throw new CliError(message);
  },
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The reason as a person reads it: "permission denied", "symlink loop", not a bare code or "no such file". */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ELOOP: 'symlink loop',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'not a directory',
    EISDIR: 'is a directory',
  };
  return (code && reasons[code]) ?? code ?? (e as Error).message;
}

/** "a FIFO", "a socket", "a device": what a non-regular file is, for the message that skips it. */
function specialKind(stat: Stats): string | undefined {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return undefined;
}

/**
 * Expands the arguments to Markdown files in a stable order (directories sorted, recursively). A named path that
 * cannot be read or is not a regular file is refused; in a directory, a FIFO, socket or device is skipped with a
 * warning and an entry that cannot be read is reported to `report`.
 */
export function collectMarkdownFiles(paths: readonly string[], report: InputReporter = ABORT): string[] {
  const files: string[] = [];
  for (const p of paths) {
    // A path named on the command line that cannot be read is a usage error: nothing is printed.
    const stat = statOrReport(p, ABORT);
    if (!stat) continue;
    const kind = specialKind(stat);
    if (kind) throw new CliError(`${p} is ${kind}, not a regular file`);
    else if (stat.isDirectory()) walk(p, files, report);
    else files.push(p);
  }
  return files;
}

function walk(dir: string, out: string[], report: InputReporter): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    report.fail(`cannot read directory ${dir}: ${ioReason(e)}`);
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statOrReport(path, report);
    if (!stat) continue;
    const kind = specialKind(stat);
    if (stat.isDirectory()) walk(path, out, report);
    else if (!name.toLowerCase().endsWith('.md')) continue;
    else if (kind) report.warn(`skipped ${path}: ${kind}, not a regular file`);
    else out.push(path);
  }
}

function statOrReport(path: string, report: InputReporter): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    // A dangling symlink is "no such file" for stat; lstat tells it apart.
    const dangling = (e as NodeJS.ErrnoException).code === 'ENOENT' && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink();
    report.fail(`cannot read ${path}: ${dangling ? 'dangling symlink' : ioReason(e)}`);
    return undefined;
  }
}

/** CR-only line endings (classic Mac) are not read by the parser: said plainly, never taken as "not a digest". */
export function assertSupportedLineEndings(path: string, text: string): void {
  if (!text.includes('\n') && text.includes('\r')) throw new CliError(`${path} has CR-only line endings, which are not supported; convert it to LF or CRLF`);
}

/** A reporter that prints each problem on one line and remembers whether any input failed (exit status 2). */
export class StderrReporter implements InputReporter {
  failed = false;
  warn(message: string): void {
    process.stderr.write(`daily-papers: warning: ${message}\n`);
  }
  fail(message: string): void {
    this.failed = true;
    process.stderr.write(`daily-papers: ${message}\n`);
  }
  /**
   * Runs `read`; for a file found in a directory a CliError becomes a reported failure and undefined, so the other
   * inputs are still read. A file named on the command line (`named`) fails the whole run as before.
   */
  attempt<T>(read: () => T, named: boolean): T | undefined {
    if (named) return read();
    try {
      return read();
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      this.fail(e.message);
      return undefined;
    }
  }
}

/** Reads a file as UTF-8, dropping a byte-order mark; a file that is not valid UTF-8 is an error. */
export function readUtf8(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${ioReason(e)}`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CliError(`${path} is not valid UTF-8`);
  }
  assertSupportedLineEndings(path, text);
  return text;
}
