// An in-memory file system for a custom URI scheme, standing in for github.dev's `vscode-vfs://` files: the test
// registers it, and the extension can reach its files only through `vscode.workspace.fs` and the documents VS Code
// opens from it (a URI of this scheme has no meaningful fsPath).
import * as vscode from 'vscode';

type Node = { type: vscode.FileType.File; data: Uint8Array; mtime: number } | { type: vscode.FileType.Directory; mtime: number };

export class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly nodes = new Map<string, Node>([['/', { type: vscode.FileType.Directory, mtime: Date.now() }]]);
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(readonly scheme: string) {}

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  /** Writes `text` at `path`, creating the folders above it. */
  put(path: string, text: string): vscode.Uri {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) this.createDirectory(this.uri(`/${parts.slice(0, i).join('/')}`));
    this.writeFile(this.uri(path), new TextEncoder().encode(text));
    return this.uri(path);
  }

  /** The text at `path`, or undefined when there is no such file. */
  text(path: string): string | undefined {
    const node = this.nodes.get(path);
    return node?.type === vscode.FileType.File ? new TextDecoder().decode(node.data) : undefined;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const node = this.get(uri);
    return { type: node.type, ctime: node.mtime, mtime: node.mtime, size: node.type === vscode.FileType.File ? node.data.byteLength : 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    return [...this.nodes].filter(([p]) => p.startsWith(prefix) && p !== prefix && !p.slice(prefix.length).includes('/')).map(([p, n]) => [p.slice(prefix.length), n.type]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const node = this.get(uri);
    if (node.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return node.data;
  }

  writeFile(uri: vscode.Uri, data: Uint8Array): void {
    const existed = this.nodes.has(uri.path);
    this.nodes.set(uri.path, { type: vscode.FileType.File, data, mtime: Date.now() });
    this.changed.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  createDirectory(uri: vscode.Uri): void {
    if (!this.nodes.has(uri.path)) this.nodes.set(uri.path, { type: vscode.FileType.Directory, mtime: Date.now() });
  }

  delete(uri: vscode.Uri): void {
    this.get(uri);
    for (const path of [...this.nodes.keys()]) if (path === uri.path || path.startsWith(`${uri.path}/`)) this.nodes.delete(path);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(from: vscode.Uri, to: vscode.Uri): void {
    this.nodes.set(to.path, this.get(from));
    this.nodes.delete(from.path);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  private get(uri: vscode.Uri): Node {
    const node = this.nodes.get(uri.path);
    if (!node) throw vscode.FileSystemError.FileNotFound(uri);
    return node;
  }
}
