// Where the metadata cache persists: a small interface, a JSON file in a directory (the extension's global storage), and memory.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MetadataStore {
  /** The saved text, or undefined when nothing was saved yet. */
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

export class FileMetadataStore implements MetadataStore {
  readonly path: string;

  constructor(private readonly dir: string, name = 'metadata-cache.json') {
    this.path = join(dir, name);
  }

  async read(): Promise<string | undefined> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** Writes a temporary file and renames it, so a crash mid-write never leaves half a cache. */
  async write(text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, text, 'utf8');
    await rename(temp, this.path);
  }
}

export class MemoryMetadataStore implements MetadataStore {
  private text: string | undefined;

  async read(): Promise<string | undefined> {
    return this.text;
  }

  async write(text: string): Promise<void> {
    this.text = text;
  }
}
