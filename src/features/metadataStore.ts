// The metadata cache in the extension's global storage through `vscode.workspace.fs`, so it works wherever that
// storage lives: a folder on disk in desktop VS Code, the browser's storage (`vscode-userdata:`) on the web.
import * as vscode from 'vscode';
import type { MetadataStore } from '../metadata/store';

export class WorkspaceFsMetadataStore implements MetadataStore {
  readonly uri: vscode.Uri;

  constructor(private readonly dir: vscode.Uri, name = 'metadata-cache.json') {
    this.uri = vscode.Uri.joinPath(dir, name);
  }

  /** The saved text, or undefined when nothing was saved yet; throws when the file is over `maxBytes`. */
  async read(maxBytes = Infinity): Promise<string | undefined> {
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(this.uri)).size;
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      throw e;
    }
    if (size > maxBytes) throw new Error(`the cache file has ${size} bytes, over the ${maxBytes}-byte cap`);
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri));
  }

  /** Writes a temporary file and renames it over the cache, so an interrupted write never leaves half a cache. */
  async write(text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.dir);
    const temp = this.uri.with({ path: `${this.uri.path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp` });
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temp, this.uri, { overwrite: true });
  }
}
