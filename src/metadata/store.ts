// Where the metadata cache persists: a small interface, a JSON file in a directory (the extension's global storage), and memory.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MetadataStore {
  /** The saved text, or undefined when nothing was saved yet; throws when it is longer than `maxBytes`. */
  read(maxBytes: number): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

export class FileMetadataStore implements MetadataStore {
  readonly path: string;

  constructor(private readonly dir: string, name = 'metadata-cache.json') {
    this.path = join(dir, name);
  }

  async read(maxBytes: number): Promise<string | undefined> {
    try {
      const { size } = await stat(this.path);
      if (size > maxBytes) throw new Error(`the cache file has ${size} bytes, over the ${maxBytes}-byte cap`);
      return await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** Writes a new temporary file (random name, never an existing one) and renames it, so a crash never leaves half a cache. */
  async write(text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = `${this.path}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      await writeFile(temp, text, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
      await rename(temp, this.path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }
}

export class MemoryMetadataStore implements MetadataStore {
  private text: string | undefined;

  async read(maxBytes: number): Promise<string | undefined> {
    if (this.text !== undefined && this.text.length > maxBytes) throw new Error(`the cache has ${this.text.length} characters, over the cap`);
    return this.text;
  }

  async write(text: string): Promise<void> {
    this.text = text;
  }
}
