// Moving between source and preview: scroll sync both ways by entry, the cursor's card, clicks, keys, links.
import type { PageMessage, PreviewSettings } from '../protocol';
import type { CardList } from './cards';

const isShown = (el: HTMLElement): boolean => !el.hidden && !(el.closest('section.day') as HTMLElement | null)?.hidden;
const INTERACTIVE = 'a, button, summary, input, select, textarea, label, video';
/** The card's title shows the source on a click, like the rest of the card; its arXiv link needs Ctrl/Cmd (or the middle button). */
const onTitle = (target: Element): boolean => target.closest('h3.title') !== null;

export class Navigation {
  /** Scroll events until then come from our own scrolling (a host request or a restore), not from the reader. */
  private suppressUntil = 0;
  private lastSentId: string | null = null;
  private cursorLine: number | null = null;
  private cursorCard: HTMLElement | undefined;
  private visible: HTMLElement[] | null = null;
  private frame = 0;
  /** The newest correction in progress (see `holder`); an older one stops. */
  private holding = 0;
  topId: string | null = null;

  constructor(
    private readonly list: CardList,
    private readonly main: HTMLElement,
    private readonly header: HTMLElement,
    private readonly settings: () => PreviewSettings,
    private readonly post: (message: PageMessage) => void,
    private readonly source: string,
    /** Called when the card at the top changes (the page saves its state). */
    private readonly topChanged: () => void,
  ) {
    window.addEventListener('scroll', () => this.onScroll(), { passive: true });
    main.addEventListener('click', (e) => this.onClick(e, false));
    main.addEventListener('dblclick', (e) => this.onClick(e, true));
    document.addEventListener('keydown', (e) => this.onKey(e));
    // Links never navigate the webview: the host opens http(s) ones, after checking them.
    for (const type of ['click', 'auxclick'] as const) document.addEventListener(type, (e) => this.onLink(e), true);
    // Capture phase: `error` does not bubble. A failed thumbnail shows the placeholder instead.
    document.addEventListener('error', (e) => this.onMediaError(e.target), true);
    for (const img of document.querySelectorAll<HTMLImageElement>('.thumb img')) if (img.complete && img.naturalWidth === 0) this.onMediaError(img);
  }

  /** Cards in display order that the filter shows (cached until the next change). */
  private shownCards(): HTMLElement[] {
    return (this.visible ??= [...this.main.querySelectorAll<HTMLElement>('article.card')].filter(isShown));
  }

  invalidate(): void {
    this.visible = null;
  }

  /** The first shown card whose bottom is below the toolbar (binary search: cards stack in one column). */
  topCard(): HTMLElement | undefined {
    const cards = this.shownCards();
    const top = this.header.getBoundingClientRect().bottom;
    let lo = 0;
    let hi = cards.length - 1;
    let found: HTMLElement | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cards[mid].getBoundingClientRect().bottom > top + 1) {
        found = cards[mid];
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }

  /**
   * Scrolls `el` to just below the toolbar. Off-screen cards have estimated heights (content-visibility) until
   * they come near the view, so the first jump can land off by what the estimates missed: corrected over the next
   * frames, once the cards around have their real size.
   */
  private scrollIntoView(el: HTMLElement): void {
    this.suppressUntil = performance.now() + 400;
    el.scrollIntoView({ block: 'start' });
    // Where scrollIntoView puts its top: the element's scroll margin (the toolbar's height, and a gap for cards).
    requestAnimationFrame(this.holder(() => (el.isConnected ? el.getBoundingClientRect().top - (parseFloat(getComputedStyle(el).scrollMarginTop) || 0) : undefined), 400));
  }

  /**
   * A correction to run now and on the next frames: scrolls by what `offset` says the page is off (undefined: the
   * element is gone) until it stays put for three frames. Cards brought near the view get their real size a frame
   * later (content-visibility), which moves what is below them. Stops when the reader scrolls meanwhile (the page
   * is not where the last correction left it) and when a newer correction starts.
   */
  private holder(offset: () => number | undefined, suppressMs: number): () => void {
    const generation = ++this.holding;
    let expected: number | null = null;
    let frames = 0;
    let still = 0;
    const hold = () => {
      if (generation !== this.holding || (expected !== null && window.scrollY !== expected)) return;
      const delta = offset();
      if (delta === undefined) return;
      if (Math.abs(delta) >= 1) {
        still = 0;
        this.suppressUntil = performance.now() + suppressMs;
        const before = window.scrollY;
        window.scrollBy(0, delta);
        if (window.scrollY === before) return; // at an end of the page: as close as it gets
      } else still++;
      expected = window.scrollY;
      if (still < 3 && ++frames < 60) requestAnimationFrame(hold);
    };
    return hold;
  }

  /** From the host (editor scrolled, or "Show in Preview"): show the card (or day) holding `line` at the top. */
  scrollToLine(line: number): void {
    const el = this.list.elementAtLine(line, isShown);
    if (el) this.scrollIntoView(el);
  }

  scrollToId(id: string): void {
    const card = this.list.card(id);
    if (card && isShown(card)) this.scrollIntoView(card);
  }

  /** Where the top card is before a patch, to put it back there after. */
  captureAnchor(): { id: string; top: number } | undefined {
    const card = this.topCard();
    return card && { id: card.dataset.id ?? '', top: card.getBoundingClientRect().top };
  }

  /** Puts the card that was at the top back where it was, now and over the next frames (see `holder`). */
  restoreAnchor(anchor: { id: string; top: number } | undefined): void {
    this.invalidate();
    if (anchor) {
      this.holder(() => {
        const card = this.list.card(anchor.id);
        return card?.isConnected && isShown(card) ? card.getBoundingClientRect().top - anchor.top : undefined;
      }, 250)();
    }
    if (this.cursorLine !== null) this.setCursor(this.cursorLine);
  }

  setCursor(line: number): void {
    this.cursorLine = line;
    const card = this.list.cardAtLine(line);
    if (card === this.cursorCard) return;
    this.cursorCard?.classList.remove('is-cursor');
    card?.classList.add('is-cursor');
    this.cursorCard = card;
  }

  private onScroll(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const id = this.topCard()?.dataset.id ?? null;
      if (id === this.topId) return;
      this.topId = id;
      this.topChanged();
      if (performance.now() < this.suppressUntil || !this.settings().scrollSync || id === null || id === this.lastSentId) return;
      const place = this.list.place(id);
      if (!place) return;
      this.lastSentId = id;
      this.post({ type: 'scroll', source: this.source, line: place[1] });
    });
  }

  private reveal(card: HTMLElement, focus: boolean): void {
    const place = this.list.place(card.dataset.id ?? '');
    if (place) this.post({ type: 'reveal', source: this.source, line: place[1], focus });
  }

  /**
   * Like the Outline: a click on the title or an empty part of a card shows its source and keeps the preview focused,
   * a double click moves focus to the editor (`openOnDoubleClick` off: a single click does). A click that ends a text
   * selection selects, nothing more.
   */
  private onClick(e: MouseEvent, double: boolean): void {
    const target = e.target as Element;
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (!onTitle(target) && target.closest(INTERACTIVE)) return;
    const card = target.closest<HTMLElement>('article.card');
    if (!card) return;
    const doubleFocuses = this.settings().openOnDoubleClick;
    if (double) {
      if (!doubleFocuses) return;
      window.getSelection()?.removeAllRanges();
      this.reveal(card, true);
    } else if (window.getSelection()?.isCollapsed !== false) this.reveal(card, !doubleFocuses);
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (target.id === 'dp-filter') {
      if (e.key === 'ArrowDown') this.focusCard(this.shownCards()[0], e);
      return;
    }
    if (target.closest('input, select, textarea')) return;
    const card = target.closest<HTMLElement>('article.card');
    if (!card) return;
    const cards = this.shownCards();
    const i = cards.indexOf(card);
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        return this.focusCard(cards[i + 1], e);
      case 'ArrowUp':
      case 'k':
        return this.focusCard(cards[i - 1], e);
      case 'Home':
        return target === card ? this.focusCard(cards[0], e) : undefined;
      case 'End':
        return target === card ? this.focusCard(cards[cards.length - 1], e) : undefined;
      case 'Enter':
        if (target === card) {
          e.preventDefault();
          this.reveal(card, true);
        }
    }
  }

  private focusCard(card: HTMLElement | undefined, e: Event): void {
    if (!card) return;
    e.preventDefault();
    card.focus();
  }

  private onLink(e: MouseEvent): void {
    const link = (e.target as Element | null)?.closest?.('a');
    if (!link) return;
    e.preventDefault();
    if (e.type === 'auxclick' && e.button !== 1) return;
    if (e.type === 'click' && onTitle(link) && !e.ctrlKey && !e.metaKey) return; // the card's click handler shows the source
    const href = link.href;
    if (/^https?:\/\//i.test(href)) this.post({ type: 'openLink', source: this.source, href });
  }

  private onMediaError(target: EventTarget | null): void {
    if (target instanceof HTMLImageElement || target instanceof HTMLVideoElement) target.closest('.thumb')?.classList.add('failed');
  }
}
