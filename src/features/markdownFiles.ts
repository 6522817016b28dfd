// The Markdown files under a folder, found through `vscode.workspace.fs` alone. `workspace.findFiles` needs a search
// provider for the folder's scheme and, without one (a virtual file system that registers none), waits for it
// forever; reading the folders works for every file system VS Code can open.
import * as vscode from 'vscode';

/** Folders never searched for digests (the same as the workspace index's exclusions). */
const SKIPPED = new Set(['node_modules', '.git']);

/** Every `*.md` file under `folder`, sorted by path; symbolic links to folders are not followed (no loops). */
export async function markdownFilesUnder(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const pending = [folder];
  for (let dir = pending.pop(); dir; dir = pending.pop()) {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type === vscode.FileType.Directory && !SKIPPED.has(name)) pending.push(uri);
      else if (type & vscode.FileType.File && /\.md$/i.test(name)) found.push(uri);
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
