// The dashboard's sections: each chart with its table (the text alternative) and export buttons, and the
// clickable lists (top papers, authors, repeats) whose buttons post typed messages to the host.
import type { Insights, TableName } from '../../digest/insights';
import type { ChartName, InsightsPageMessage, InsightsStrings } from '../protocol';
import { Chart, type Frame } from './charts';
import { el, format, table } from './dom';

type Post = (message: InsightsPageMessage) => void;

function csvButton(s: InsightsStrings, name: TableName, post: Post): HTMLButtonElement {
  const button = el('button', { type: 'button', 'data-csv': name }, s.exportCsv);
  button.addEventListener('click', () => post({ type: 'exportCsv', table: name }));
  return button;
}

function section(id: string, title: string, ...children: Node[]): HTMLElement {
  return el('section', { class: 'card', id: `dp-${id}`, 'aria-labelledby': `dp-${id}-title` }, el('h2', { id: `dp-${id}-title` }, title), ...children);
}

/** The table each chart stands for, in its own words. */
function chartTable(name: ChartName, insights: Insights, s: InsightsStrings): HTMLTableElement {
  const days = insights.days;
  switch (name) {
    case 'activity':
      return table(s.activity, [s.date, s.papers, s.votes], days.map((d) => [d.date, d.papers, d.votes]));
    case 'histogram':
      return table(s.histogram, [s.votes, s.count], insights.voteHistogram.map((b) => [`${b.from}–${b.to}`, b.count]));
    case 'problems':
      return table(s.problems, [s.date, s.error, s.warning, s.information, s.hint], days.map((d) => [d.date, d.problems.error, d.problems.warning, d.problems.information, d.problems.hint]));
    case 'format':
      return table(s.format, [s.date, s.era, s.labelStyle], days.map((d) => [d.date, d.era, d.labelStyle]));
  }
}

const CHART_TITLES: Record<ChartName, keyof InsightsStrings> = { activity: 'activity', histogram: 'histogram', problems: 'problems', format: 'format' };

export class ChartSection {
  readonly element: HTMLElement;
  private readonly chart: Chart;
  private readonly details: HTMLDetailsElement;
  /** A line under the title on what the chart does not show yet. */
  private readonly noteEl = el('p', { class: 'meta note', role: 'status' });
  /** The data the table has not been built for yet (it is built when opened: thousands of rows cost a paint). */
  private pending: Insights | undefined;

  constructor(
    readonly name: ChartName,
    private readonly s: InsightsStrings,
    private readonly post: Post,
  ) {
    const title = s[CHART_TITLES[name]];
    const box = el('div', { class: 'chart', id: `dp-chart-${name}`, role: 'img', 'aria-label': title });
    this.chart = new Chart(name, box, s);
    const png = el('button', { type: 'button', 'data-png': name }, s.exportPng);
    png.addEventListener('click', () => {
      const dataUrl = this.chart.png();
      if (dataUrl) post({ type: 'exportPng', chart: name, dataUrl });
    });
    const svg = el('button', { type: 'button', 'data-svg': name }, s.exportSvg);
    svg.addEventListener('click', () => this.exportSvg());
    const actions = el('div', { class: 'actions' }, png, svg);
    if (name === 'activity') actions.append(csvButton(s, 'days', post));
    this.details = el('details', { class: 'alt' }, el('summary', {}, s.showTable));
    this.details.addEventListener('toggle', () => this.buildTable());
    this.noteEl.hidden = true;
    this.element = section(name, title, this.noteEl, box, actions, this.details);
  }

  /** Posts the chart as drawn now as an SVG file for the host to save (a click, or the host's request). */
  exportSvg(): void {
    const svg = this.chart.svg();
    if (svg) this.post({ type: 'exportSvg', chart: this.name, svg });
  }

  /** Shows `text` under the title; empty hides it. */
  note(text: string): void {
    this.noteEl.textContent = text;
    this.noteEl.hidden = text === '';
  }

  /** The open table shows the latest data; a closed one holds none (no stale rows flash when it is opened). */
  private buildTable(): void {
    if (!this.pending) return;
    const summary = this.details.firstElementChild!;
    if (!this.details.open) return this.details.replaceChildren(summary);
    this.details.replaceChildren(summary, chartTable(this.name, this.pending, this.s));
    this.pending = undefined;
  }

  /** The chart's width: see `Chart.width`. */
  width(): number {
    return this.chart.width();
  }

  /** Draws the chart, and its table if it is open (else when it is opened); returns the chart's number of points. */
  update(insights: Insights, frame: Frame, width: number): number {
    this.pending = insights;
    this.buildTable();
    return this.chart.draw(insights, frame, width);
  }
}

const votesText = (votes: number) => `▲ ${votes}`;

/** Top papers, authors, repeats and categories, rebuilt for each data message. */
export function listSections(insights: Insights, s: InsightsStrings, post: Post): HTMLElement[] {
  const open = (file: string, line: number) => post({ type: 'openEntry', file, line });

  const papers = el('ol', { class: 'list' });
  for (const p of insights.topPapers) {
    const button = el('button', { type: 'button', class: 'link', 'data-id': p.id }, p.title);
    button.addEventListener('click', () => open(p.places[0].file, p.places[0].line));
    papers.append(el('li', {}, button, el('span', { class: 'meta' }, ` ${votesText(p.votes)} · ${p.id} · ${p.places[0].date}`)));
  }

  const authorList = (rows: Insights['topAuthorsByPapers']) => {
    const list = el('ol', { class: 'list' });
    for (const a of rows) {
      const button = el('button', { type: 'button', class: 'link', 'data-author': a.name }, a.name);
      button.addEventListener('click', () => post({ type: 'author', name: a.name }));
      list.append(el('li', {}, button, el('span', { class: 'meta' }, ` ${a.papers} · ${votesText(a.votes)}`)));
    }
    return list;
  };

  const repeats = el('ul', { class: 'list' });
  for (const r of insights.repeats) {
    const places = r.places.map((p) => {
      const button = el('button', { type: 'button', class: 'link date', 'data-id': r.id, 'data-date': p.date }, p.date);
      button.addEventListener('click', () => open(p.file, p.line));
      return button;
    });
    repeats.append(el('li', {}, el('span', { class: 'title' }, r.title), el('span', { class: 'meta' }, ` ${r.id} `), ...places));
  }

  const sections = [
    section('papers', s.topPapers, papers, el('div', { class: 'actions' }, csvButton(s, 'papers', post))),
    section('authors-papers', s.authorsByPapers, authorList(insights.topAuthorsByPapers), el('div', { class: 'actions' }, csvButton(s, 'authors', post))),
    section('authors-votes', s.authorsByVotes, authorList(insights.topAuthorsByVotes)),
    section(
      'repeats',
      s.repeats,
      repeats,
      ...(insights.totals.repeatedPapers > insights.repeats.length ? [el('p', { class: 'meta', id: 'dp-more-repeats' }, format(s.moreRepeats, insights.repeats.length, insights.totals.repeatedPapers))] : []),
      el('div', { class: 'actions' }, csvButton(s, 'repeats', post)),
    ),
  ];
  // The category mix of the range's distinct papers; those the metadata cache does not know are one "unknown" row.
  if (insights.categories.length > 0 || insights.papersWithoutCategory > 0) {
    const rows: [string, number][] = insights.categories.map((c) => [c.category, c.papers]);
    if (insights.papersWithoutCategory > 0) rows.push([s.unknownCategory, insights.papersWithoutCategory]);
    sections.push(section('categories', s.categories, table(s.categories, [s.category, s.papers], rows), el('div', { class: 'actions' }, csvButton(s, 'categories', post))));
  }
  return sections;
}
