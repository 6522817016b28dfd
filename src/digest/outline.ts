// The outline model behind the tree view, symbols and folding: days → entries → sections, with stable ids.
import { entryEndLine, entryLineStart, entryStartLine, originalEntry } from './shift';
import { countBelow } from './sorted';
import type { DaySection, DigestDocument, DigestEntry, Range, SummarySection } from './types';

export type OutlineSort = 'file' | 'votes' | 'title';

export interface OutlineSection {
  readonly kind: 'section';
  readonly id: string;
  readonly label: string;
  readonly section: SummarySection;
}

export interface OutlineEntry {
  readonly kind: 'entry';
  readonly id: string;
  readonly dayId: string | null;
  readonly entry: DigestEntry;
  readonly date: string | null;
  readonly description: string;
  readonly sections: readonly OutlineSection[];
}

export interface OutlineDay {
  readonly kind: 'day';
  readonly id: string;
  readonly day: DaySection;
  readonly entries: readonly OutlineEntry[];
}

export type OutlineNode = OutlineDay | OutlineEntry | OutlineSection;

export interface Outline {
  readonly days: readonly OutlineDay[];
  readonly orphans: readonly OutlineEntry[];
  /** Days and entries by id; sections are found through their entry (`nodeById`). */
  readonly byId: ReadonlyMap<string, OutlineDay | OutlineEntry>;
  /** The outline entry of each document entry, at the same index as in `doc.entries` (source order). */
  readonly inDocumentOrder: readonly OutlineEntry[];
}

export interface OutlineOptions {
  readonly sort?: OutlineSort;
  /** Keeps entries whose title, author names or arXiv ID contain this text (case-insensitive). */
  readonly filter?: string;
}

/**
 * The tree label: votes as a compact prefix before the title (`▲28 SFT Memorizes…`, `▲– …` when votes are
 * unknown), so that the votes stay visible at the default side bar width where a description is cut off.
 */
export function entryLabel(entry: DigestEntry, untitled: string): string {
  const title = entry.title || untitled;
  return entry.vote ? `▲${entry.vote.value ?? '–'} ${title}` : title;
}

/** `9 authors`: what the tree shows after the label. */
export function entryDescription(entry: DigestEntry): string {
  const n = entry.authors?.names.length ?? 0;
  return n === 0 ? '' : `${n} author${n === 1 ? '' : 's'}`;
}

export function matchesFilter(entry: DigestEntry, filter: string): boolean {
  const q = filter.trim().toLowerCase();
  if (q === '') return true;
  return (
    entry.title.toLowerCase().includes(q) ||
    (entry.arxivId ?? '').toLowerCase().includes(q) ||
    (entry.authors?.names ?? []).some((n) => n.toLowerCase().includes(q))
  );
}

function compare(sort: OutlineSort): ((a: OutlineEntry, b: OutlineEntry) => number) | null {
  if (sort === 'votes') return (a, b) => (b.entry.vote?.value ?? -1) - (a.entry.vote?.value ?? -1);
  if (sort === 'title') return (a, b) => a.entry.title.localeCompare(b.entry.title);
  return null;
}

/** A list of entries as a view shows it: filtered and sorted (a new array only when something changes). */
export function arrangeEntries(entries: readonly OutlineEntry[], options: OutlineOptions): readonly OutlineEntry[] {
  const order = compare(options.sort ?? 'file');
  const kept = options.filter ? entries.filter((e) => matchesFilter(e.entry, options.filter!)) : entries;
  return order ? [...kept].sort(order) : kept;
}

/**
 * An entry's outline node. Sections and description are computed when first read: building the outline reads
 * only titles and IDs, so entries shifted lazily by an edit (see shift.ts) are not copied out.
 */
class LazyOutlineEntry implements OutlineEntry {
  readonly kind = 'entry';
  private sectionNodes: readonly OutlineSection[] | undefined;
  private descriptionText: string | undefined;

  constructor(
    readonly id: string,
    readonly dayId: string | null,
    readonly entry: DigestEntry,
    readonly date: string | null,
  ) {}

  get description(): string {
    return (this.descriptionText ??= entryDescription(this.entry));
  }

  get sections(): readonly OutlineSection[] {
    return (this.sectionNodes ??= this.entry.sections.map((section, i) => ({ kind: 'section', id: `${this.id}/${i}`, label: section.label ?? firstWords(section.text), section })));
  }
}

/** What a tree shows of an entry and of each of its sections, as strings that change when that does. */
export interface EntrySignatures {
  readonly entry: string;
  readonly sections: readonly string[];
}

/** Per entry as parsed: an entry an edit did not touch keeps the same strings, so comparing them costs nothing. */
const signaturesByEntry = new WeakMap<DigestEntry, EntrySignatures>();

export function entrySignatures(entry: DigestEntry): EntrySignatures {
  const original = originalEntry(entry);
  let signatures = signaturesByEntry.get(original);
  if (!signatures) {
    const labels = original.sections.map((s) => s.label ?? firstWords(s.text));
    const authors = (original.authors?.names ?? []).join(',');
    signatures = {
      entry: `${original.title}|${original.vote?.value}|${entryDescription(original)}|${authors}|${labels.join(',')}`,
      sections: original.sections.map((s, i) => `${labels[i]}|${s.text}`),
    };
    signaturesByEntry.set(original, signatures);
  }
  return signatures;
}

/** The id of a day that is the first with its date; repeats get `~2`, `~3`, … */
/** Id strings kept per date and per entry as parsed: the same string object each version, its hash computed once for the maps that key by id (tree, preview cards). */
const dayIds = new Map<string, string>();
const entryIds = new WeakMap<DigestEntry, string>();

export const dayIdBase = (day: DaySection): string => {
  let id = dayIds.get(day.date);
  if (id === undefined) {
    if (dayIds.size > 10_000) dayIds.clear();
    dayIds.set(day.date, (id = `day:${day.date}`));
  }
  return id;
};

/** The id of an entry that is the first with its paper (or title); repeats get `~2`, `~3`, … */
export const entryIdBase = (entry: DigestEntry): string => {
  const original = originalEntry(entry);
  let id = entryIds.get(original);
  if (id === undefined) entryIds.set(original, (id = `entry:${original.arxivId ?? original.title}`));
  return id;
};

/**
 * Builds the outline in file order. Ids depend on content, not position (`entry:2501.17161`, a day's date,
 * with a counter for repeats), so an element keeps its id while lines above it are edited.
 */
export function buildOutline(doc: DigestDocument): Outline {
  const byId = new Map<string, OutlineDay | OutlineEntry>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; byId.has(id); n++) id = `${base}~${n}`;
    return id;
  };
  const toEntry = (entry: DigestEntry, day: DaySection | null, dayId: string | null): OutlineEntry => {
    const node = new LazyOutlineEntry(unique(entryIdBase(entry)), dayId, entry, day?.date ?? null);
    byId.set(node.id, node);
    return node;
  };
  const days = doc.days.map((day): OutlineDay => {
    const id = unique(dayIdBase(day));
    const node: OutlineDay = { kind: 'day', id, day, entries: day.entries.map((e) => toEntry(e, day, id)) };
    byId.set(id, node);
    return node;
  });
  const orphans = doc.orphanEntries.map((e) => toEntry(e, null, null));
  return { days, orphans, byId, inDocumentOrder: inDocumentOrder(days, orphans) };
}

/** The day entries and the entries outside any day (each in source order) merged into source order. */
function inDocumentOrder(days: readonly OutlineDay[], orphans: readonly OutlineEntry[]): OutlineEntry[] {
  const merged: OutlineEntry[] = [];
  let o = 0;
  for (const day of days) {
    for (const node of day.entries) {
      while (o < orphans.length && entryLineStart(orphans[o].entry) < entryLineStart(node.entry)) merged.push(orphans[o++]);
      merged.push(node);
    }
  }
  while (o < orphans.length) merged.push(orphans[o++]);
  return merged;
}

function firstWords(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Any node by id, sections included (`entry:2501.17161/2` is the third section of that entry). */
export function nodeById(outline: Outline, id: string): OutlineNode | undefined {
  const node = outline.byId.get(id);
  if (node) return node;
  const slash = id.lastIndexOf('/');
  const entry = slash > 0 ? outline.byId.get(id.slice(0, slash)) : undefined;
  return entry?.kind === 'entry' ? entry.sections.find((s) => s.id === id) : undefined;
}

/** The deepest outline node whose source range holds `line`: a section, else its entry, else the day. */
export function nodeAtLine(doc: DigestDocument, outline: Outline, line: number): OutlineNode | undefined {
  const inside = (r: Range) => r.start.line <= line && line <= r.end.line;
  const node = outlineEntryAtLine(doc, outline, line);
  if (node) return node.sections.find((s) => inside(s.section.range)) ?? node;
  return outline.days.find((d) => inside(d.day.range));
}

/** The outline entry of the document entry whose range holds `line`. */
export function outlineEntryAtLine(doc: DigestDocument, outline: Outline, line: number): OutlineEntry | undefined {
  const index = entryIndexAtLine(doc, line);
  return index < 0 ? undefined : outline.inDocumentOrder[index];
}

/** The entry whose range holds `line`. */
export function entryAtLine(doc: DigestDocument, line: number): DigestEntry | undefined {
  const index = entryIndexAtLine(doc, line);
  return index < 0 ? undefined : doc.entries[index];
}

/** The index in `doc.entries` of the entry whose range holds `line`, -1 if none (entries are in source order and do not overlap). */
export function entryIndexAtLine(doc: DigestDocument, line: number): number {
  const entries = doc.entries;
  // The first entry that ends at or after the line holds it, unless it starts below it.
  const index = countBelow(entries, entryEndLine, line);
  return index < entries.length && entryStartLine(entries[index]) <= line ? index : -1;
}

export interface FoldingRegion {
  readonly start: number;
  readonly end: number;
}

/** Folding for days and entries (line numbers, 0-based, inclusive). */
export function foldingRegions(doc: DigestDocument): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  for (const day of doc.days) if (day.range.end.line > day.range.start.line) regions.push({ start: day.range.start.line, end: day.range.end.line });
  for (const e of doc.entries) if (e.range.end.line > e.range.start.line) regions.push({ start: e.range.start.line, end: e.range.end.line });
  return regions;
}
