// Where the metadata cache persists. The extension's store is WorkspaceFsMetadataStore (src/features/metadataStore.ts):
// one file in global storage through `vscode.workspace.fs`, on the desktop and on the web alike.
export interface MetadataStore {
  /** The saved text, or undefined when nothing was saved yet; throws when it is longer than `maxBytes`. */
  read(maxBytes: number): Promise<string | undefined>;
  write(text: string): Promise<void>;
}
