// The page's card DOM: applies layouts and patches in place, keeping focus and loaded images.
import type { EntryPlace, RenderedDay } from '../../digest/render/types';
import type { CardUpdate } from '../protocol';

const fromHtml = (html: string): HTMLElement => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild as HTMLElement;
};

/** The media element's URL, to tell whether a patched card shows the same thumbnail. */
const mediaSrc = (card: Element): string | null => card.querySelector('.thumb img, .thumb video')?.getAttribute('src') ?? null;

/** Orders one day's entry ids for display (file order or by votes). */
export type Arrange = (ids: readonly string[]) => readonly string[];

interface Anchor {
  readonly line: number;
  readonly endLine: number;
  readonly id: string;
  readonly card: boolean;
}

export class CardList {
  private days: readonly RenderedDay[] = [];
  private readonly cards = new Map<string, HTMLElement>();
  private readonly sections = new Map<string, HTMLElement>();
  private readonly dayHtml = new Map<string, string>();
  private readonly places = new Map<string, EntryPlace>();
  /** Cards and day headings sorted by first line, for scroll sync and the cursor. */
  private anchors: Anchor[] = [];

  /** `carryOver` moves per-card UI state (open details) from a card to its patched replacement. */
  constructor(
    private readonly main: HTMLElement,
    private readonly carryOver: (next: HTMLElement, old: HTMLElement | undefined) => void,
  ) {}

  /** Adopts the server-rendered first paint. */
  adopt(days: readonly RenderedDay[]): void {
    for (const el of this.main.querySelectorAll<HTMLElement>('article.card')) this.cards.set(el.dataset.id ?? '', el);
    for (const el of this.main.querySelectorAll<HTMLElement>('section.day')) this.sections.set(el.dataset.id ?? '', el);
    for (const day of days) this.dayHtml.set(day.id, day.html);
    this.setLayout(days);
  }

  card(id: string): HTMLElement | undefined {
    return this.cards.get(id);
  }

  place(id: string): EntryPlace | undefined {
    return this.places.get(id);
  }

  get size(): number {
    return this.places.size;
  }

  /** Day sections in file order, each with its cards in file order. */
  groups(): { section: HTMLElement; cards: HTMLElement[] }[] {
    return this.days.map((d) => ({ section: this.sections.get(d.id)!, cards: d.entries.map(([id]) => this.cards.get(id)!).filter(Boolean) }));
  }

  /** Replaces changed cards in place, then applies the new layout (if any) in the order `arrange` gives. */
  patch(updates: readonly CardUpdate[], days: readonly RenderedDay[] | undefined, arrange: Arrange): void {
    for (const { id, html } of updates) {
      const next = fromHtml(html);
      const old = this.cards.get(id);
      if (old) {
        // The same thumbnail URL: move the loaded element over, so the image is neither fetched nor repainted.
        const src = mediaSrc(old);
        if (src !== null && src === mediaSrc(next)) next.querySelector('.thumb')!.replaceWith(old.querySelector('.thumb')!);
        const hadFocus = old.contains(document.activeElement);
        this.carryOver(next, old);
        if (old.isConnected) old.replaceWith(next);
        if (hadFocus) next.focus({ preventScroll: true });
      } else this.carryOver(next, undefined);
      this.cards.set(id, next);
    }
    if (days) this.setLayout(days);
    this.arrange(arrange);
  }

  /** Puts sections and cards in the DOM in layout order (cards as `arrange` orders them), moving only what is out of place. */
  arrange(order: Arrange): void {
    const liveSections = new Set(this.days.map((d) => d.id));
    for (const [id, section] of this.sections) {
      if (liveSections.has(id)) continue;
      section.remove();
      this.sections.delete(id);
    }
    for (const [id, card] of this.cards) {
      if (this.places.has(id)) continue;
      card.remove();
      this.cards.delete(id);
    }
    this.days.forEach((day, i) => {
      const section = this.section(day);
      if (this.main.children[i] !== section) this.main.insertBefore(section, this.main.children[i] ?? null);
      const list = section.querySelector<HTMLElement>('.cards')!;
      order(day.entries.map(([id]) => id)).forEach((id, j) => {
        const card = this.cards.get(id);
        if (card && list.children[j] !== card) list.insertBefore(card, list.children[j] ?? null);
      });
    });
  }

  private setLayout(days: readonly RenderedDay[]): void {
    this.days = days;
    this.places.clear();
    this.anchors = [];
    for (const day of days) {
      this.section(day);
      if (day.id !== 'orphans') this.anchors.push({ line: day.line, endLine: day.line, id: day.id, card: false });
      for (const place of day.entries) {
        this.places.set(place[0], place);
        this.anchors.push({ line: place[1], endLine: place[2], id: place[0], card: true });
      }
    }
    this.anchors.sort((a, b) => a.line - b.line);
  }

  /** The day's section element, created, or given its new heading when the host's HTML for it changed. */
  private section(day: RenderedDay): HTMLElement {
    let section = this.sections.get(day.id);
    if (!section) {
      section = fromHtml(day.html);
      this.sections.set(day.id, section);
      this.dayHtml.set(day.id, day.html);
    } else if (this.dayHtml.get(day.id) !== day.html) {
      section.querySelector('h2')!.replaceWith(fromHtml(day.html).querySelector('h2')!);
      this.dayHtml.set(day.id, day.html);
    }
    return section;
  }

  private element(a: Anchor): HTMLElement | undefined {
    return a.card ? this.cards.get(a.id) : this.sections.get(a.id);
  }

  /** Index of the last anchor starting at or before `line`, or -1. */
  private indexAt(line: number): number {
    let lo = 0;
    let hi = this.anchors.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.anchors[mid].line <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The card or day heading whose source holds `line`, else the nearest visible one before it (then after it). */
  elementAtLine(line: number, visible: (el: HTMLElement) => boolean): HTMLElement | undefined {
    const at = this.indexAt(line);
    for (let i = at; i >= 0; i--) {
      const el = this.element(this.anchors[i]);
      if (el && visible(el)) return el;
    }
    for (let i = at + 1; i < this.anchors.length; i++) {
      const el = this.element(this.anchors[i]);
      if (el && visible(el)) return el;
    }
    return undefined;
  }

  /** The card whose source lines hold `line`, if any. */
  cardAtLine(line: number): HTMLElement | undefined {
    const a = this.anchors[this.indexAt(line)];
    return a?.card && line <= a.endLine ? this.cards.get(a.id) : undefined;
  }
}
