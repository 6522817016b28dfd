// The insights as tables: the text alternative of each chart, the CSV export and `stats --format csv|md`.
import { csvField } from '../authoring';
import type { Insights } from './aggregate';

export type TableName = 'days' | 'papers' | 'authors' | 'repeats' | 'categories';
export const TABLE_NAMES: readonly TableName[] = ['days', 'papers', 'authors', 'repeats', 'categories'];

export interface Table {
  readonly name: TableName;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

const dates = (places: readonly { date: string }[]) => [...new Set(places.map((p) => p.date))].join(' ');

export function insightsTable(insights: Insights, name: TableName): Table {
  switch (name) {
    case 'days':
      return {
        name,
        columns: ['date', 'papers', 'votes', 'era', 'label_style', 'errors', 'warnings', 'information', 'hints'],
        rows: insights.days.map((d) => [d.date, d.papers, d.votes, d.era, d.labelStyle, d.problems.error, d.problems.warning, d.problems.information, d.problems.hint]),
      };
    case 'papers':
      return { name, columns: ['id', 'title', 'votes', 'dates'], rows: insights.topPapers.map((p) => [p.id, p.title, p.votes, dates(p.places)]) };
    case 'authors': {
      // Both top lists in one table: the union, ordered by papers.
      const rows = new Map(insights.topAuthorsByPapers.map((a) => [a.name, a]));
      for (const a of insights.topAuthorsByVotes) rows.set(a.name, a);
      const sorted = [...rows.values()].sort((a, b) => b.papers - a.papers || b.votes - a.votes || (a.name < b.name ? -1 : 1));
      return { name, columns: ['author', 'papers', 'votes'], rows: sorted.map((a) => [a.name, a.papers, a.votes]) };
    }
    case 'repeats':
      return { name, columns: ['id', 'title', 'dates'], rows: insights.repeats.map((r) => [r.id, r.title, dates(r.places)]) };
    case 'categories':
      // Papers the metadata cache does not know are the `unknown` bucket.
      return {
        name,
        columns: ['category', 'papers'],
        rows: [...insights.categories.map((c) => [c.category, c.papers]), ...(insights.papersWithoutCategory > 0 ? [['unknown', insights.papersWithoutCategory]] : [])],
      };
  }
}

export function tableToCsv(table: Table): string {
  return [table.columns, ...table.rows].map((row) => row.map((v) => csvField(String(v))).join(',')).join('\n') + '\n';
}

/** A table cell as Markdown text: no line breaks, pipes, HTML or escapes can change the table. */
function markdownCell(value: string | number): string {
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/[\r\n]+/g, ' ');
}

export function tableToMarkdown(table: Table): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const align = table.columns.map((_, i) => (typeof table.rows[0]?.[i] === 'number' ? '---:' : '---'));
  return [line(table.columns), `|${align.join('|')}|`, ...table.rows.map(line)].join('\n') + '\n';
}
