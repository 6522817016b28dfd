// Caps on what one remote answer and the cache may hold, so a hostile or broken server costs little memory and time.

/** An arXiv batch of 50 entries is about 150 KB; 2 MB leaves room and bounds parsing to a few ms per answer. */
export const MAX_ARXIV_BYTES = 2 * 1024 * 1024;
/** One Hugging Face paper record is a few KB. */
export const MAX_HUGGING_FACE_BYTES = 256 * 1024;
/** A cache file above this is discarded on load (5,000 records per source at their capped size fit well inside). */
export const MAX_CACHE_BYTES = 16 * 1024 * 1024;

/** Abstracts, comments, AI summaries. */
export const MAX_TEXT = 4000;
/** Titles, names, dates, categories, URLs. */
export const MAX_FIELD = 500;
/** Authors and categories per record. */
export const MAX_LIST = 200;

/** Cuts a remote string to `max` characters, marking the cut. */
export const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
