// Renders a whole digest into cards and days, re-rendering only entries whose text changed (CardCache).
import { buildOutline, type Outline } from '../outline';
import { entryEndLine, entryStartLine, originalEntry } from '../shift';
import type { DigestDocument, DigestEntry } from '../types';
import { entryHtml } from './card';
import { fillDay, ORPHANS_ID, renderDay } from './day';
import { DEFAULT_RENDER_OPTIONS, type EntryPlace, type RenderedCard, type RenderedDay, type RenderedDigest, type RenderOptions } from './types';

interface Rendered {
  /** The id and the entry's source text the HTML was rendered from. */
  readonly id: string;
  readonly source: string;
  readonly html: string;
  generation: number;
  /** The card and its place as last rendered: the same objects while the entry's lines stay where they are. */
  shown?: { readonly card: RenderedCard; readonly place: EntryPlace };
}

/**
 * Rendered card HTML, by entry as parsed and by content. An edit moves the entries after it without parsing them
 * again (their origin stays the same), so they are found by origin; an entry parsed again with the same text (an
 * edit that re-scanned it without changing it) is found by its outline id and source text. Ids unused for two
 * renders are dropped.
 */
export class CardCache {
  private byEntry = new WeakMap<DigestEntry, Rendered>();
  private readonly byId = new Map<string, Rendered>();
  /** Day headings' HTML by id, date and count: the same string object each render (the diff compares by identity first). */
  private readonly days = new Map<string, string>();
  private options: RenderOptions | undefined;
  private generation = 0;
  readonly stats = { rendered: 0, byEntry: 0, byContent: 0 };

  /** The entry's card at lines `line`–`endLine`, and its place in its day. */
  card(entry: DigestEntry, id: string, text: string, options: RenderOptions, line: number, endLine: number): { readonly card: RenderedCard; readonly place: EntryPlace } {
    const rendered = this.rendered(entry, id, text, options);
    const shown = rendered.shown;
    if (shown && shown.card.line === line && shown.card.endLine === endLine) return shown;
    return (rendered.shown = { card: { id, html: rendered.html, line, endLine }, place: [id, line, endLine] });
  }

  private rendered(entry: DigestEntry, id: string, text: string, options: RenderOptions): Rendered {
    if (options !== this.options) this.reset(options);
    const parsed = originalEntry(entry);
    const known = this.byEntry.get(parsed);
    // The same entry as parsed (so the same text) under the same id: the same HTML.
    if (known && known.id === id) {
      this.stats.byEntry++;
      known.generation = this.generation;
      return known;
    }
    const source = text.slice(entry.range.start.offset, entry.range.end.offset);
    let cached = this.byId.get(id);
    if (cached && cached.source === source) this.stats.byContent++;
    else {
      this.stats.rendered++;
      cached = { id, source, html: entryHtml(entry, id, options), generation: this.generation };
      this.byId.set(id, cached);
    }
    cached.generation = this.generation;
    this.byEntry.set(parsed, cached);
    return cached;
  }

  /** A day's heading (see `renderDay`; the day of the outline, or null for the entries outside any day), its HTML reused while its id, date and count are the same. */
  day(day: Outline['days'][number] | null, count: number, options: RenderOptions): ReturnType<typeof renderDay> {
    if (options !== this.options) this.reset(options);
    const key = day ? `${day.id}\n${day.day.date}\n${count}` : `\n\n${count}`;
    const html = this.days.get(key);
    if (html !== undefined) return { id: day?.id ?? ORPHANS_ID, html, line: day?.day.range.start.line ?? 0, endLine: day?.day.range.end.line ?? 0 };
    const rendered = renderDay(day?.day ?? null, { id: day?.id, strings: options.strings, count });
    // Bounded: a day's key changes only with its count or date, a few per edit.
    if (this.days.size > DAYS_KEPT) this.days.clear();
    this.days.set(key, rendered.html);
    return rendered;
  }

  /** Call after each whole-document render: forgets ids not used in this render or the one before. */
  sweep(): void {
    // forEach, not for-of: no [id, value] pair made per card on every render.
    this.byId.forEach((value, id) => value.generation < this.generation - 1 && this.byId.delete(id));
    this.generation++;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Other options make other HTML: start over. */
  private reset(options: RenderOptions): void {
    this.byEntry = new WeakMap();
    this.byId.clear();
    this.days.clear();
    this.options = options;
  }
}

/** Day headings kept by a CardCache: more days than a year of digests holds. */
const DAYS_KEPT = 1000;

/** Only some cards: `cards` of them from the entry holding (or first after) `line`, a few before it included. */
export interface RenderWindow {
  readonly line: number;
  readonly cards: number;
}

/** Cards of a window rendered above the entry at its line (at most a quarter of them), so that it is not the very first one shown. */
const WINDOW_BEFORE = 5;

/**
 * Renders every day and entry (or those of `window`, for a first paint); `cache` makes a re-render after an edit
 * cost only the edited entries. Pass the document's outline when it is at hand (the editor's model keeps one per version).
 */
export function renderDigest(doc: DigestDocument, options: RenderOptions = DEFAULT_RENDER_OPTIONS, cache = new CardCache(), outline: Outline = buildOutline(doc), window?: RenderWindow): RenderedDigest {
  const cards: RenderedCard[] = [];
  const days: RenderedDay[] = [];
  const inWindow = window && windowOf(outline, window);
  const group = (day: (typeof outline.days)[number] | null, all: typeof outline.orphans) => {
    const entries = inWindow ? all.filter((e) => inWindow.has(e)) : all;
    if (inWindow && entries.length === 0) return;
    const places: EntryPlace[] = [];
    for (const e of entries) {
      const { card, place } = cache.card(e.entry, e.id, doc.text, options, entryStartLine(e.entry), entryEndLine(e.entry));
      cards.push(card);
      places.push(place);
    }
    const rendered = cache.day(day, entries.length, options);
    days.push({ ...rendered, entries: places });
  };
  for (const day of outline.days) group(day, day.entries);
  if (outline.orphans.length) group(null, outline.orphans);
  // A window's render is followed by the whole one: it must not make the cache forget the cards outside it.
  if (!inWindow) cache.sweep();
  return { days, cards };
}

/** The entries of a window, in the order the preview shows them (days, then the entries outside any day). */
function windowOf(outline: Outline, window: RenderWindow): Set<Outline['orphans'][number]> {
  const shown = [...outline.days.flatMap((d) => d.entries), ...outline.orphans];
  let at = shown.findIndex((e) => e.entry.range.end.line >= window.line);
  if (at < 0) at = Math.max(0, shown.length - window.cards);
  const from = Math.max(0, at - Math.min(WINDOW_BEFORE, Math.floor(window.cards / 4)));
  return new Set(shown.slice(from, from + window.cards));
}

/** The HTML of all days with their cards, as the preview's first paint and the export show it. */
export function digestBodyHtml(rendered: RenderedDigest): string {
  let k = 0;
  return rendered.days.map((day) => fillDay(day.html, day.entries.map(() => rendered.cards[k++].html).join(''))).join('');
}
