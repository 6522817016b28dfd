// arXiv categories for the dashboard from the metadata cache only: it never asks the network (a paper not
// cached counts as unknown until a hover card or an insert has fetched it).
import type { MetadataHolder } from '../features/metadataHolder';

export interface CachedCategories {
  /** Resolves when the cache is loaded (at once when metadata is off). */
  ready(): Promise<void>;
  /** The paper's categories, primary first; undefined when the cache does not know it. */
  of(id: string): readonly string[] | undefined;
}

export function cachedCategories(metadata: MetadataHolder): CachedCategories {
  return {
    ready: async () => {
      await metadata.current?.ready;
    },
    of: (id) => {
      const record = metadata.current?.arxivRecord(id);
      if (!record) return undefined;
      const { primaryCategory, categories } = record;
      const all = primaryCategory ? [primaryCategory, ...categories.filter((c) => c !== primaryCategory)] : categories;
      return all.length ? all : undefined;
    },
  };
}
