// One day section: its heading (date and paper count) around an empty card list the caller fills.
import { dayIdBase } from '../outline';
import type { DaySection } from '../types';
import { domId, escapeHtml, format } from './html';
import { DEFAULT_STRINGS, type RenderStrings } from './types';

/** The id of the group of entries outside any day. */
export const ORPHANS_ID = 'orphans';

/** The empty card list inside a day's HTML, where the body renderer puts the cards. */
export const CARDS_SLOT = '<div class="cards" role="feed"></div>';

export interface DayRenderOptions {
  readonly id?: string;
  readonly strings?: RenderStrings;
  /** How many entries the day holds (for the heading's count). */
  readonly count?: number;
}

/** A day, or with `day` null the group of entries outside any day. */
export function renderDay(day: DaySection | null, options: DayRenderOptions = {}): { id: string; html: string; line: number; endLine: number } {
  const s = options.strings ?? DEFAULT_STRINGS;
  const id = options.id ?? (day ? dayIdBase(day) : ORPHANS_ID);
  const dom = domId(id);
  const count = options.count ?? day?.entries.length ?? 0;
  const countText = count === 1 ? s.paperCountOne : format(s.paperCount, count);
  const title = day
    ? `${escapeHtml(s.dayTitle)} <time datetime="${escapeHtml(day.date)}">${escapeHtml(day.date)}</time>`
    : escapeHtml(s.orphans);
  const html =
    `<section class="day" id="${dom}" data-id="${escapeHtml(id)}" aria-labelledby="${dom}-h">` +
    `<h2 class="day-title" id="${dom}-h">${title} <span class="day-count">${escapeHtml(countText)}</span></h2>` +
    CARDS_SLOT.replace('role="feed"', `role="feed" aria-labelledby="${dom}-h"`) +
    `</section>`;
  return { id, html, line: day?.range.start.line ?? 0, endLine: day?.range.end.line ?? 0 };
}

/** The day's HTML with its cards put in its list. */
export function fillDay(dayHtml: string, cardsHtml: string): string {
  const at = dayHtml.lastIndexOf('</div></section>');
  return dayHtml.slice(0, at) + cardsHtml + dayHtml.slice(at);
}
