// The one message protocol between the preview host and its webview, with validators for both directions.
// Every message names its source document's URI; a message for another document is dropped.
import type { RenderedDay } from '../digest/render/types';

export const PREVIEW_VIEW_TYPE = 'dailyPapers.preview';

export type SortOrder = 'file' | 'votes';

export interface PreviewSettings {
  /**
   * True (like the Outline): a click shows the entry's source and keeps the preview focused, a double click moves
   * focus to the editor. False: a single click moves focus to the editor.
   */
  readonly openOnDoubleClick: boolean;
  readonly scrollSync: boolean;
  /** The thumbnails toggle's initial state (the toolbar can change it per preview). */
  readonly showThumbnails: boolean;
}

export interface CardUpdate {
  readonly id: string;
  readonly html: string;
}

/** Words the page's script writes itself (the host translates them); `{0}`, `{1}` are numbers. */
export interface PageStrings {
  readonly count: string;
  readonly countAll: string;
}

/** What the page reads at start, from an escaped `data-` attribute (its first paint is already in the HTML). */
export interface PageInit {
  readonly source: string;
  readonly version: number;
  readonly locked: boolean;
  readonly settings: PreviewSettings;
  readonly days: readonly RenderedDay[];
  /** The line whose card is highlighted (the editor's cursor), and the line to scroll to (unless restoring). */
  readonly cursorLine: number | null;
  readonly scrollLine: number | null;
  readonly strings: PageStrings;
}

/** What the page keeps with `setState`, so that a reload (or a hidden tab shown again) restores its view. */
export interface PreviewState {
  readonly source: string;
  readonly locked: boolean;
  readonly filter: string;
  readonly sort: SortOrder;
  readonly thumbnails: boolean;
  readonly expanded: boolean;
  /** The entry at the top of the view. */
  readonly topId: string | null;
}

// Host → page.
export type HostMessage =
  | { readonly type: 'patch'; readonly source: string; readonly version: number; readonly cards: readonly CardUpdate[]; readonly days?: readonly RenderedDay[] }
  | { readonly type: 'scrollTo'; readonly source: string; readonly line: number }
  | { readonly type: 'cursor'; readonly source: string; readonly line: number }
  | { readonly type: 'config'; readonly source: string; readonly settings: PreviewSettings; readonly locked: boolean };

// Page → host.
export type PageMessage =
  | {
      readonly type: 'status';
      readonly source: string;
      readonly version: number;
      readonly total: number;
      readonly shown: number;
      readonly filter: string;
      readonly sort: SortOrder;
    }
  /** `focus`: move the keyboard to the editor (else the editor only shows the line and the preview keeps focus). */
  | { readonly type: 'reveal'; readonly source: string; readonly line: number; readonly focus: boolean }
  | { readonly type: 'scroll'; readonly source: string; readonly line: number }
  | { readonly type: 'openLink'; readonly source: string; readonly href: string };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLine = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) < 1e8;
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isSort = (v: unknown): v is SortOrder => v === 'file' || v === 'votes';

/** A message from the webview, rebuilt from its checked fields; undefined when anything is off. */
export function parsePageMessage(data: unknown, source: string): PageMessage | undefined {
  if (!isObj(data) || data.source !== source) return undefined;
  switch (data.type) {
    case 'status':
      if (!isLine(data.version) || !isLine(data.total) || !isLine(data.shown) || !isStr(data.filter, 1000) || !isSort(data.sort)) return undefined;
      return { type: 'status', source, version: data.version, total: data.total, shown: data.shown, filter: data.filter, sort: data.sort };
    case 'reveal':
      return isLine(data.line) && typeof data.focus === 'boolean' ? { type: 'reveal', source, line: data.line, focus: data.focus } : undefined;
    case 'scroll':
      return isLine(data.line) ? { type: 'scroll', source, line: data.line } : undefined;
    case 'openLink':
      return isStr(data.href, 4096) ? { type: 'openLink', source, href: data.href } : undefined;
    default:
      return undefined;
  }
}

function isEntryPlace(v: unknown): boolean {
  return Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && isLine(v[1]) && isLine(v[2]);
}

function isDay(v: unknown): v is RenderedDay {
  return isObj(v) && typeof v.id === 'string' && typeof v.html === 'string' && isLine(v.line) && isLine(v.endLine) && Array.isArray(v.entries) && v.entries.every(isEntryPlace);
}

function isSettings(v: unknown): v is PreviewSettings {
  return isObj(v) && typeof v.openOnDoubleClick === 'boolean' && typeof v.scrollSync === 'boolean' && typeof v.showThumbnails === 'boolean';
}

/** A message from the host, checked the same way (the page trusts no `message` event blindly). */
export function parseHostMessage(data: unknown, source: string): HostMessage | undefined {
  if (!isObj(data) || data.source !== source) return undefined;
  switch (data.type) {
    case 'patch': {
      const cards = data.cards;
      if (!isLine(data.version) || !Array.isArray(cards) || !cards.every((c) => isObj(c) && typeof c.id === 'string' && typeof c.html === 'string')) return undefined;
      if (data.days !== undefined && !(Array.isArray(data.days) && data.days.every(isDay))) return undefined;
      return { type: 'patch', source, version: data.version, cards: cards as CardUpdate[], ...(data.days ? { days: data.days as RenderedDay[] } : {}) };
    }
    case 'scrollTo':
    case 'cursor':
      return isLine(data.line) ? { type: data.type, source, line: data.line } : undefined;
    case 'config':
      return isSettings(data.settings) && typeof data.locked === 'boolean' ? { type: 'config', source, settings: data.settings, locked: data.locked } : undefined;
    default:
      return undefined;
  }
}

/** The state a restored panel brings back (see WebviewPanelSerializer); undefined when it is not ours. */
export function parsePreviewState(state: unknown): PreviewState | undefined {
  if (!isObj(state) || !isStr(state.source, 10_000) || state.source === '') return undefined;
  return {
    source: state.source,
    locked: state.locked === true,
    filter: isStr(state.filter, 1000) ? state.filter : '',
    sort: isSort(state.sort) ? state.sort : 'file',
    thumbnails: state.thumbnails !== false,
    expanded: state.expanded !== false,
    topId: isStr(state.topId, 10_000) ? state.topId : null,
  };
}
