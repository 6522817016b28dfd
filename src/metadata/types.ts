// The metadata model: what the arXiv export API and the Hugging Face papers API tell about a paper. No vscode here.

/** One arXiv export API record (an Atom `<entry>`), whitespace of wrapped text collapsed. */
export interface ArxivRecord {
  /** The ID without version. */
  readonly id: string;
  /** The latest version's number (`v3` → 3), when the `<id>` carries one. */
  readonly version: number | null;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly primaryCategory: string | null;
  readonly categories: readonly string[];
  /** ISO timestamps of the first version and of the latest one. */
  readonly published: string | null;
  readonly updated: string | null;
  readonly comment: string | null;
  readonly doi: string | null;
  readonly journalRef: string | null;
}

/** The fields of a Hugging Face paper page (`/api/papers/ID`) that the card shows. */
export interface HuggingFaceRecord {
  readonly id: string;
  readonly title: string | null;
  readonly upvotes: number | null;
  readonly githubRepo: string | null;
  readonly githubStars: number | null;
  readonly projectPage: string | null;
  readonly numComments: number | null;
  readonly aiSummary: string | null;
  readonly publishedAt: string | null;
}

/** What the log needs; a `vscode.LogOutputChannel` fits, and so does a test's recorder. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export type SourceName = 'arxiv' | 'huggingFace';

/** Why a source is not answering: no connection (or a timeout), throttled, or broken answers. */
export type Unavailable = 'offline' | 'rate-limited' | 'error';

/** What is known about a paper from one source, at the moment of asking. */
export interface SourceView<T> {
  /** The record, fresh or stale; undefined when never fetched or known to be missing. */
  readonly record: T | undefined;
  /** True when the source answered that it has no such paper. */
  readonly missing: boolean;
  /** When the record (or the "missing" answer) was fetched, in ms since the epoch. */
  readonly fetchedAt: number | undefined;
  /** True when the cached answer is older than the cache's maximum age (still shown). */
  readonly stale: boolean;
  /** True while a request for it is queued or under way. */
  readonly pending: boolean;
  /** Set while the source is failing and no request is made for it. */
  readonly unavailable: Unavailable | undefined;
}

export interface PaperMetadata {
  readonly id: string;
  readonly arxiv: SourceView<ArxivRecord>;
  readonly huggingFace: SourceView<HuggingFaceRecord>;
}
