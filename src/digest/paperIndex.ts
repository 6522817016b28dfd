// The workspace index: every paper of every digest, for search, "Go to Paper…" and "appears on" lists.
import { baseArxivId } from './arxiv';
import type { DigestDocument } from './types';

export interface IndexedPaper {
  /** The arXiv ID without version, or the title when the entry has no ID. */
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly votes: number | null;
  /** The date of the day section, or null for an entry outside any day. */
  readonly date: string | null;
  /** The digest's key (a URI string in the editor, a path in the CLI and tests). */
  readonly file: string;
  /** 0-based line of the entry heading. */
  readonly line: number;
}

export type MatchKind = 'id' | 'title' | 'author';

export interface PaperMatch {
  readonly paper: IndexedPaper;
  readonly kind: MatchKind;
  /** The author name that matched, for author matches. */
  readonly author?: string;
}

/**
 * A flat copy of `s` that shares no memory with the text it was cut from. Substrings can point into their whole
 * source text: an index of 5,000 digests holding titles and authors as substrings kept every file's text alive
 * (205 MB retained for 75,000 papers; 33 MB with these copies; `(' ' + s).slice(1)` still left 69 MB of slices).
 */
export const ownCopy = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

export function papersOf(file: string, doc: DigestDocument): IndexedPaper[] {
  const found: Omit<IndexedPaper, 'file'>[] = [];
  const add = (date: string | null) => (e: DigestDocument['entries'][number]) =>
    found.push({
      id: e.arxivId ? baseArxivId(e.arxivId) : e.title,
      title: e.title,
      authors: e.authors?.names ?? [],
      votes: e.vote?.value ?? null,
      date,
      line: e.headingRange.start.line,
    });
  for (const day of doc.days) day.entries.forEach(add(day.date));
  doc.orphanEntries.forEach(add(null));
  // Their strings copied (see ownCopy) in one JSON round trip for the whole file, not one per string: a paper has
  // a dozen authors, and the index reads thousands of files.
  const copies = JSON.parse(JSON.stringify(found)) as Omit<IndexedPaper, 'file'>[];
  return copies.map((p) => ({ id: p.id, title: p.title, authors: p.authors.map(sharedName), votes: p.votes, date: p.date, file, line: p.line }));
}

/** One string per author name across the index (see sharedName). */
const names = new Map<string, string>();
/** Names kept at most: far more than a workspace of digests names (the corpus's 184 days name 15,440 authors). */
const MAX_NAMES = 500_000;

/**
 * The one string kept for an author's name. 5,000 digests name their authors in some 660,000 places: one string per
 * place held 12 MB more, and every tally by author (the Insights' top authors) hashed each of them again.
 */
function sharedName(name: string): string {
  const known = names.get(name);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMES) names.clear();
  names.set(name, name);
  return name;
}

export class PaperIndex {
  private readonly files = new Map<string, readonly IndexedPaper[]>();
  private readonly byId = new Map<string, IndexedPaper[]>();

  get fileCount(): number {
    return this.files.size;
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  get paperCount(): number {
    let n = 0;
    for (const papers of this.files.values()) n += papers.length;
    return n;
  }

  setFile(file: string, doc: DigestDocument): void {
    this.setPapers(file, papersOf(file, doc));
  }

  setPapers(file: string, papers: readonly IndexedPaper[]): void {
    this.deleteFile(file);
    if (papers.length === 0) return;
    this.files.set(file, papers);
    for (const p of papers) {
      const list = this.byId.get(p.id);
      if (list) list.push(p);
      else this.byId.set(p.id, [p]);
    }
  }

  deleteFile(file: string): void {
    const old = this.files.get(file);
    if (!old) return;
    this.files.delete(file);
    for (const p of old) {
      const rest = (this.byId.get(p.id) ?? []).filter((x) => x.file !== file);
      if (rest.length) this.byId.set(p.id, rest);
      else this.byId.delete(p.id);
    }
  }

  /** Every place a paper appears, sorted by date. */
  appearances(arxivId: string): readonly IndexedPaper[] {
    return [...(this.byId.get(baseArxivId(arxivId)) ?? [])].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  }

  *papers(): Generator<IndexedPaper> {
    for (const papers of this.files.values()) yield* papers;
  }

  /** Papers whose ID, title or an author contains the query (case-insensitive); ID matches first, then titles. */
  search(query: string, limit = 500): PaperMatch[] {
    const q = query.trim().toLowerCase();
    const byKind: Record<MatchKind, PaperMatch[]> = { id: [], title: [], author: [] };
    for (const paper of this.papers()) {
      if (q === '' || paper.id.toLowerCase().includes(q)) byKind.id.push({ paper, kind: 'id' });
      else if (paper.title.toLowerCase().includes(q)) byKind.title.push({ paper, kind: 'title' });
      else {
        const author = paper.authors.find((a) => a.toLowerCase().includes(q));
        if (author) byKind.author.push({ paper, kind: 'author', author });
      }
    }
    return [...byKind.id, ...byKind.title, ...byKind.author].slice(0, limit);
  }
}
