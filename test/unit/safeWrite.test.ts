// Safe rewrites on a real file system: BOM, modes, owner, symlinks, hard links, a change made between read and write,
// and a planted symlink at the old predictable temp name.
import * as assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../../src/cli/files';
import { readTextFile, writeTextFile } from '../../src/cli/safeWrite';

describe('safe writes (real file system)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dpd-safe-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rewrite = (path: string, change: (text: string) => string) => {
    const { text, snapshot } = readTextFile(path);
    writeTextFile(snapshot, change(text));
  };

  it('keeps the byte-order mark and CRLF line endings', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, '\uFEFF## Daily Papers (2025-01-30)\r\nVote: 1\r\n');
    const { text } = readTextFile(file);
    assert.ok(!text.startsWith('\uFEFF'), 'the text comes without its BOM');
    rewrite(file, (t) => t.replace('Vote: 1', 'Vote: 2'));
    assert.equal(readFileSync(file, 'utf8'), '\uFEFF## Daily Papers (2025-01-30)\r\nVote: 2\r\n');
  });

  it('keeps mode 0600 and the owner, and refuses a read-only file', () => {
    const file = join(dir, 'private.md');
    writeFileSync(file, 'x\n');
    chmodSync(file, 0o600);
    if (process.getuid?.() === 0) chownSync(file, 65534, 65534);
    rewrite(file, () => 'y\n');
    const stat = statSync(file);
    assert.equal(stat.mode & 0o7777, 0o600);
    if (process.getuid?.() === 0) assert.deepEqual([stat.uid, stat.gid], [65534, 65534]);
    const locked = join(dir, 'locked.md');
    writeFileSync(locked, 'x\n');
    chmodSync(locked, 0o444);
    assert.throws(() => rewrite(locked, () => 'y\n'), (e: Error) => e instanceof CliError && /read-only; not written/.test(e.message));
    assert.equal(readFileSync(locked, 'utf8'), 'x\n');
  });

  it('writes through a symlink to its target and leaves the link a link', () => {
    const target = join(dir, 'target.md');
    const link = join(dir, 'link.md');
    writeFileSync(target, 'x\n');
    symlinkSync(target, link);
    rewrite(link, () => 'y\n');
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(target, 'utf8'), 'y\n');
  });

  it('keeps hard links: every name sees the change, same inode', () => {
    const a = join(dir, 'a.md');
    const b = join(dir, 'b.md');
    writeFileSync(a, 'x\n');
    linkSync(a, b);
    const inode = statSync(a).ino;
    rewrite(a, () => 'longer text\n');
    assert.equal(readFileSync(b, 'utf8'), 'longer text\n');
    assert.equal(statSync(a).ino, inode);
    assert.equal(statSync(a).nlink, 2);
    assert.deepEqual(readdirSync(dir).sort(), ['a.md', 'b.md'], 'no temporary file left');
  });

  it('refuses to overwrite a change made between read and write (even one keeping size and mtime)', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'abc\n');
    const { snapshot } = readTextFile(file);
    writeFileSync(file, 'abd\n');
    const { mtime } = statSync(file);
    utimesSync(file, mtime, new Date(snapshot.mtimeMs));
    assert.throws(() => writeTextFile(snapshot, 'fixed\n'), /changed since it was read; not written/);
    assert.equal(readFileSync(file, 'utf8'), 'abd\n');
  });

  it('never follows a symlink planted at a temp name', () => {
    const file = join(dir, 'a.md');
    const victim = join(dir, 'victim.txt');
    writeFileSync(file, 'x\n');
    writeFileSync(victim, 'keep\n');
    // The name the old writer used, and the same pattern without a random part.
    symlinkSync(victim, join(dir, `.a.md.${process.pid}.tmp`));
    symlinkSync(victim, join(dir, '.a.md.tmp'));
    rewrite(file, () => 'y\n');
    assert.equal(readFileSync(victim, 'utf8'), 'keep\n');
    assert.equal(readFileSync(file, 'utf8'), 'y\n');
  });

  it('refuses what is not a regular file, with one line', () => {
    assert.throws(() => readTextFile(dir), /is not a regular file/);
    assert.throws(() => readTextFile(join(dir, 'none.md')), /cannot read .*none\.md: no such file or directory/);
  });
});
