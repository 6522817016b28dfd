// The outline model behind the tree view, symbols and folding: days → entries → sections, with stable ids.
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
  /** Every node by id, for `getParent` and `reveal`. */
  readonly byId: ReadonlyMap<string, OutlineNode>;
}

export interface OutlineOptions {
  readonly sort?: OutlineSort;
  /** Keeps entries whose title, author names or arXiv ID contain this text (case-insensitive). */
  readonly filter?: string;
}

/** `▲ 28 · 9 authors` (`▲ –` when votes are unknown). */
export function entryDescription(entry: DigestEntry): string {
  const votes = entry.vote ? `▲ ${entry.vote.value ?? '–'}` : '';
  const n = entry.authors?.names.length ?? 0;
  const authors = n === 0 ? '' : `${n} author${n === 1 ? '' : 's'}`;
  return [votes, authors].filter((s) => s !== '').join(' · ');
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

/**
 * Builds the outline. Ids depend on content, not position (`2501.17161`, a day's date, with a counter for
 * repeats), so an element keeps its id while lines above it are edited.
 */
export function buildOutline(doc: DigestDocument, options: OutlineOptions = {}): Outline {
  const byId = new Map<string, OutlineNode>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; byId.has(id); n++) id = `${base}~${n}`;
    return id;
  };
  const order = compare(options.sort ?? 'file');
  const toEntry = (entry: DigestEntry, day: DaySection | null, dayId: string | null): OutlineEntry => {
    const id = unique(`entry:${entry.arxivId ?? entry.title}`);
    const sections = entry.sections.map((section, i): OutlineSection => ({ kind: 'section', id: `${id}/${i}`, label: section.label ?? firstWords(section.text), section }));
    const node: OutlineEntry = { kind: 'entry', id, dayId, entry, date: day?.date ?? null, description: entryDescription(entry), sections };
    byId.set(id, node);
    for (const s of sections) byId.set(s.id, s);
    return node;
  };
  const pick = (entries: OutlineEntry[]) => {
    const kept = options.filter ? entries.filter((e) => matchesFilter(e.entry, options.filter!)) : entries;
    return order ? [...kept].sort(order) : kept;
  };
  const days = doc.days.map((day): OutlineDay => {
    const id = unique(`day:${day.date}`);
    const node: OutlineDay = { kind: 'day', id, day, entries: pick(day.entries.map((e) => toEntry(e, day, id))) };
    byId.set(id, node);
    return node;
  });
  const orphans = pick(doc.orphanEntries.map((e) => toEntry(e, null, null)));
  return { days, orphans, byId };
}

function firstWords(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** The deepest outline node whose source range holds `line`. */
export function nodeAtLine(outline: Outline, line: number): OutlineNode | undefined {
  const inside = (r: Range) => r.start.line <= line && line <= r.end.line;
  for (const entry of [...outline.days.flatMap((d) => d.entries), ...outline.orphans]) {
    if (!inside(entry.entry.range)) continue;
    return entry.sections.find((s) => inside(s.section.range)) ?? entry;
  }
  return outline.days.find((d) => inside(d.day.range));
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
