// Rewriting a file the user owns without losing anything: its BOM, mode, owner, hard links and symlinks, and any
// change made to it since it was read. Line endings are the text's own (the fixers keep them).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { assertSupportedLineEndings, CliError, ioReason } from './files';

/** What the file was when it was read: where it really is, and enough to tell whether it changed since. */
export interface FileSnapshot {
  /** The path as the user named it (for messages). */
  readonly path: string;
  /** The file itself, after following symlinks: the one that is rewritten. */
  readonly realPath: string;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
  readonly bom: boolean;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = new TextDecoder('utf-8', { fatal: true });
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Reads a regular file as strict UTF-8; the text comes without its byte-order mark, which the snapshot remembers. */
export function readTextFile(path: string): { text: string; snapshot: FileSnapshot } {
  let realPath: string;
  let bytes: Buffer;
  let stat;
  try {
    realPath = realpathSync(path);
    const fd = openSync(realPath, 'r');
    try {
      stat = fstatSync(fd);
      if (!stat.isFile()) throw new CliError(`${path} is not a regular file`);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${path}: ${ioReason(e)}`);
  }
  const bom = bytes.subarray(0, 3).equals(BOM);
  let text: string;
  try {
    text = utf8.decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    throw new CliError(`${path} is not valid UTF-8`);
  }
  assertSupportedLineEndings(path, text);
  const { dev, ino, size, mtimeMs, mode, uid, gid, nlink } = stat;
  return { text, snapshot: { path, realPath, dev, ino, size, mtimeMs, sha256: sha256(bytes), bom, mode, uid, gid, nlink } };
}

/** Throws unless the file is still exactly what was read (same inode, size, mtime and content). */
function assertUnchanged(s: FileSnapshot): void {
  let bytes: Buffer;
  let stat;
  try {
    const fd = openSync(s.realPath, 'r');
    try {
      stat = fstatSync(fd);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new CliError(`${s.path} changed since it was read (${ioReason(e)}); not written`);
  }
  const same = stat.dev === s.dev && stat.ino === s.ino && stat.size === s.size && stat.mtimeMs === s.mtimeMs && sha256(bytes) === s.sha256;
  if (!same) throw new CliError(`${s.path} changed since it was read; not written, run again`);
}

/**
 * Replaces the file's content with `text`. A new temporary file (random name, created with O_EXCL so it is never a
 * planted file or symlink) gets the content, mode and owner, then is renamed over the file. A file with other hard
 * links is rewritten in place instead (same inode, so every name sees the change), after the temporary copy is written
 * and verified, so a failure mid-write leaves that copy behind to recover from.
 */
export function writeTextFile(s: FileSnapshot, text: string): void {
  if ((s.mode & 0o222) === 0) throw new CliError(`${s.path} is read-only; not written`);
  assertUnchanged(s);
  const bytes = Buffer.concat([s.bom ? BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  const temp = join(dirname(s.realPath), `.${basename(s.realPath)}.${randomBytes(8).toString('hex')}.tmp`);
  let keepTemp = false;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fchmodSync(fd, s.mode & 0o7777);
      // Only root can give a file away; anyone else writes files they own already.
      if (process.getuid?.() === 0) fchownSync(fd, s.uid, s.gid);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (s.nlink > 1) {
      if (!readFileSync(temp).equals(bytes)) throw new Error('the temporary copy does not read back');
      keepTemp = true;
      const fd2 = openSync(s.realPath, 'r+');
      try {
        ftruncateSync(fd2, 0);
        writeSync(fd2, bytes, 0, bytes.length, 0);
        fsyncSync(fd2);
      } finally {
        closeSync(fd2);
      }
      keepTemp = false;
      rmSync(temp);
    } else {
      renameSync(temp, s.realPath);
    }
  } catch (e) {
    if (!keepTemp) rmSync(temp, { force: true });
    throw new CliError(`cannot write ${s.path}: ${ioReason(e)}${keepTemp ? ` (the new content is in ${temp})` : ''}`);
  }
}
