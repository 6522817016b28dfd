// The toolbar: filter by title, author or ID; sort by file order or votes; thumbnails; summaries; counts.
import type { PageStrings, SortOrder } from '../protocol';
import type { Arrange, CardList } from './cards';

export interface ViewState {
  filter: string;
  sort: SortOrder;
  thumbnails: boolean;
  expanded: boolean;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const format = (template: string, ...args: number[]) => template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));

export class Toolbar {
  private readonly filterInput = $<HTMLInputElement>('dp-filter');
  private readonly sortSelect = $<HTMLSelectElement>('dp-sort');
  private readonly thumbsButton = $<HTMLButtonElement>('dp-thumbs');
  private readonly count = $<HTMLElement>('dp-count');
  private readonly empty = $<HTMLElement>('dp-empty');
  private timer: ReturnType<typeof setTimeout> | undefined;
  shown = 0;

  constructor(
    private readonly list: CardList,
    private readonly strings: PageStrings,
    readonly state: ViewState,
    /** Called after anything the toolbar changed (to save state and report counts). */
    private readonly changed: () => void,
  ) {
    this.filterInput.value = state.filter;
    this.sortSelect.value = state.sort;
    this.filterInput.form?.addEventListener('submit', (e) => e.preventDefault());
    this.filterInput.addEventListener('input', () => {
      // Filtering 1,000 cards takes a few ms: wait for a pause in typing.
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.setFilter(this.filterInput.value), 80);
    });
    this.filterInput.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || this.filterInput.value === '') return;
      this.filterInput.value = '';
      this.setFilter('');
      e.stopPropagation();
    });
    this.sortSelect.addEventListener('change', () => this.setSort(this.sortSelect.value === 'votes' ? 'votes' : 'file'));
    this.thumbsButton.addEventListener('click', () => this.setThumbnails(!this.state.thumbnails));
    $('dp-expand').addEventListener('click', () => this.setExpanded(true));
    $('dp-collapse').addEventListener('click', () => this.setExpanded(false));
    this.setThumbnails(state.thumbnails, false);
    if (!state.expanded) this.setExpanded(false, false);
  }

  /** Orders a day's entries as the sort asks: file order, or votes (highest first, ties in file order). */
  readonly order: Arrange = (ids) => {
    if (this.state.sort === 'file') return ids;
    const votes = (id: string) => Number(this.list.card(id)?.dataset.votes ?? -1);
    return ids
      .map((id, i) => ({ id, i, v: votes(id) }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .map((x) => x.id);
  };

  setFilter(filter: string): void {
    this.state.filter = filter;
    if (this.filterInput.value !== filter) this.filterInput.value = filter;
    this.refresh();
  }

  setSort(sort: SortOrder): void {
    this.state.sort = sort;
    this.sortSelect.value = sort;
    this.list.arrange(this.order);
    this.changed();
  }

  setThumbnails(on: boolean, notify = true): void {
    this.state.thumbnails = on;
    document.body.classList.toggle('no-thumbs', !on);
    this.thumbsButton.setAttribute('aria-pressed', String(on));
    if (notify) this.changed();
  }

  setExpanded(open: boolean, notify = true): void {
    this.state.expanded = open;
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details.summary')) d.open = open;
    if (notify) this.changed();
  }

  /** Applies the filter to every card, hides days left empty, and updates the counts. */
  refresh(): void {
    const q = this.state.filter.trim().toLowerCase();
    let shown = 0;
    for (const { section, cards } of this.list.groups()) {
      let visible = 0;
      for (const card of cards) {
        const hide = q !== '' && !(card.dataset.search ?? '').includes(q);
        if (card.hidden !== hide) card.hidden = hide;
        if (!hide) visible++;
      }
      const hideDay = q !== '' && visible === 0;
      if (section.hidden !== hideDay) section.hidden = hideDay;
      shown += visible;
    }
    this.shown = shown;
    const total = this.list.size;
    this.count.textContent = q === '' ? format(this.strings.countAll, total) : format(this.strings.count, shown, total);
    this.empty.hidden = !(total > 0 && shown === 0);
    this.changed();
  }
}

