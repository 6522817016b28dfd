// The rendered preview model: cards keyed by outline entry id, days with the places of their entries.
import type { RemoteImages } from './images';

/** Words the rendered HTML contains; the host passes translated ones (`{0}` is replaced by a number or name). */
export interface RenderStrings {
  readonly dayTitle: string;
  readonly orphans: string;
  readonly paperCount: string;
  readonly paperCountOne: string;
  readonly votes: string;
  readonly votesUnknown: string;
  readonly authors: string;
  readonly moreAuthors: string;
  readonly summary: string;
  readonly noThumbnail: string;
  readonly video: string;
  readonly openOnArxiv: string;
}

export const DEFAULT_STRINGS: RenderStrings = {
  dayTitle: 'Daily Papers',
  orphans: 'Papers outside any day',
  paperCount: '{0} papers',
  paperCountOne: '1 paper',
  votes: '{0} votes',
  votesUnknown: 'Votes unknown',
  authors: 'Authors',
  moreAuthors: '{0} more',
  summary: 'Summary',
  noThumbnail: 'No thumbnail',
  video: 'Video: {0}',
  openOnArxiv: 'Open {0} on arXiv',
};

export interface RenderOptions {
  /** Author lists longer than this show this many names and collapse the rest behind a toggle. */
  readonly maxAuthors: number;
  readonly strings: RenderStrings;
  /** Which remote images the cards may load (thumbnails and images in summaries). */
  readonly remoteImages: RemoteImages;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { maxAuthors: 12, strings: DEFAULT_STRINGS, remoteImages: 'paperThumbnails' };

/** One entry as a card. The HTML depends only on the entry's text and id, never on its position. */
export interface RenderedCard {
  /** The outline's stable entry id (`entry:2501.17161`). */
  readonly id: string;
  readonly html: string;
  /** 0-based line of the entry's heading, and of its last line. */
  readonly line: number;
  readonly endLine: number;
}

/** Where one card's entry is in the source: `[id, first line, last line]`. */
export type EntryPlace = readonly [id: string, line: number, endLine: number];

/** One day: its section element (with an empty card list) and its entries in file order. */
export interface RenderedDay {
  /** The outline's day id (`day:2025-01-29`), or `orphans` for entries outside any day. */
  readonly id: string;
  readonly html: string;
  readonly line: number;
  readonly endLine: number;
  readonly entries: readonly EntryPlace[];
}

export interface RenderedDigest {
  readonly days: readonly RenderedDay[];
  /**
   * Every card, in the order of the days' places (a day's entries, day after day, then those outside any day). An
   * array, not a map: a keystroke's render and diff then build and look up nothing per card (see `diffDigests`).
   */
  readonly cards: readonly RenderedCard[];
}

/** What a live preview needs after an edit: the cards whose HTML changed, and the layout when it moved. */
export interface DigestPatch {
  readonly cards: readonly { readonly id: string; readonly html: string }[];
  /** The whole layout, present only when days, order, lines or day headers changed. */
  readonly days?: readonly RenderedDay[];
}
