// Changes on disk seen at once in the Node extension host: Node's fs.watch on each directory that holds an indexed
// digest (not recursive: one watch per directory). VS Code's file watcher delivers a change to the extension host
// 90-130 ms after the write (measured with 5,000 digests); this one within a few. It only speeds changes up: every
// change still comes through VS Code's watcher too (a directory fs.watch cannot watch, or misses, loses nothing), and
// is dropped there when the file is as this watch last reported it. Files that are gone are left to VS Code's watcher.
// The web extension host has no disk: directoryWatch.web.ts.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** At most this many directories are watched (each is an inotify watch on Linux); the rest wait for VS Code's watcher. */
const MAX_DIRECTORIES = 256;
/** One write often comes as several events (truncate, write): they are taken as one this long after the last. */
const SETTLE_MS = 10;

export class DirectoryWatch implements vscode.Disposable {
  /** By directory path: its watcher, or null when it could not be watched (not tried again). */
  private readonly watchers = new Map<string, FSWatcher | null>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** By file path: its modification time and size when last reported. */
  private readonly reported = new Map<string, string>();

  private disposed = false;

  /**
   * `changed`: a file in a watched directory was written, renamed or created; it says whether it takes the change
   * (only then is VS Code's report of it dropped).
   */
  constructor(private readonly changed: (uri: vscode.Uri) => boolean) {}

  /** Watches the directory of `uri` from now on (a `file:` URI; others are left to VS Code's watcher). */
  add(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const directory = path.dirname(uri.fsPath);
    if (this.watchers.has(directory) || this.watchers.size >= MAX_DIRECTORIES) return;
    try {
      const watcher = watch(directory, { persistent: false }, (_event, name) => name && this.settle(path.join(directory, name.toString())));
      watcher.on('error', () => {
        watcher.close();
        this.watchers.set(directory, null);
      });
      this.watchers.set(directory, watcher);
    } catch {
      this.watchers.set(directory, null);
    }
  }

  private settle(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        void stampOf(file).then((stamp) => {
          if (stamp !== undefined && !this.disposed && this.changed(vscode.Uri.file(file))) this.reported.set(file, stamp);
        });
      }, SETTLE_MS),
    );
  }

  /** Whether the file is as this watch last reported it (VS Code's watcher reporting the same change again). */
  async reportedAlready(uri: vscode.Uri): Promise<boolean> {
    const last = uri.scheme === 'file' ? this.reported.get(uri.fsPath) : undefined;
    return last !== undefined && last === (await stampOf(uri.fsPath));
  }

  dispose(): void {
    this.disposed = true;
    for (const watcher of this.watchers.values()) watcher?.close();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.watchers.clear();
    this.timers.clear();
  }
}

/** A file's modification time and size, undefined when it is no file (any more). */
async function stampOf(file: string): Promise<string | undefined> {
  const stats = await stat(file).catch(() => undefined);
  return stats?.isFile() ? `${stats.mtimeMs}:${stats.size}` : undefined;
}
