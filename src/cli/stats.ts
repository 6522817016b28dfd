// `daily-papers stats`: the dashboard's aggregates for CI — per day, papers, authors, repeats, problems.
import { parseArgs } from 'node:util';
import { findDuplicatePapers, isCalendarDate, parseDigest, validate } from '../digest';
import { computeInsights, DaySummaries, fileFacts, insightsTable, TABLE_NAMES, tableToCsv, tableToMarkdown, type Insights, type TableName } from '../digest/insights';
import { CliError, collectMarkdownFiles, readUtf8 } from './files';
import { loadConfig } from './lint';

function dateOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isCalendarDate(value)) throw new CliError(`--${name} takes a date as YYYY-MM-DD, got '${value}'`);
  return value;
}

/** The JSON output: the insights with 1-based lines, like the other commands. */
function toJson(insights: Insights): string {
  const oneBased = <T extends { places: readonly { line: number }[] }>(x: T) => ({ ...x, places: x.places.map((p) => ({ ...p, line: p.line + 1 })) });
  return JSON.stringify({ ...insights, topPapers: insights.topPapers.map(oneBased), repeats: insights.repeats.map(oneBased) }, null, 2) + '\n';
}

const TITLES: Record<TableName, string> = {
  days: 'Per day',
  papers: 'Top-voted papers',
  authors: 'Top authors',
  repeats: 'Papers on more than one day',
  categories: 'arXiv categories',
};

function toMarkdown(insights: Insights): string {
  const t = insights.totals;
  const range = `${insights.from ?? insights.days[0]?.date ?? '…'} – ${insights.to ?? insights.days.at(-1)?.date ?? '…'}`;
  const parts = [
    `# Daily Papers statistics (${range})\n`,
    `${t.days} days, ${t.paperDays} papers (${t.distinctPapers} distinct), ${t.votes} votes; problems: ${t.problems.error} errors, ${t.problems.warning} warnings, ${t.problems.information} information, ${t.problems.hint} hints.\n`,
  ];
  for (const name of TABLE_NAMES) {
    const table = insightsTable(insights, name);
    if (table.rows.length) parts.push(`## ${TITLES[name]}\n`, tableToMarkdown(table));
  }
  return parts.join('\n');
}

export function statsCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'json' },
      table: { type: 'string', default: 'days' },
      top: { type: 'string', default: '20' },
      config: { type: 'string' },
    },
    allowPositionals: true,
  });
  const { format, table } = values;
  if (format !== 'json' && format !== 'csv' && format !== 'md') throw new CliError(`unknown format '${format}', expected json, csv or md`);
  if (!(TABLE_NAMES as readonly string[]).includes(table)) throw new CliError(`unknown table '${table}', expected ${TABLE_NAMES.join(', ')}`);
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 0) throw new CliError('--top takes a whole number');
  const from = dateOption('from', values.from);
  const to = dateOption('to', values.to);
  if (from && to && from > to) throw new CliError(`--from ${from} is after --to ${to}`);
  if (positionals.length === 0) throw new CliError('stats needs at least one file or directory');

  const config = loadConfig(values.config);
  const digests = collectMarkdownFiles(positionals)
    .map((name) => ({ name, doc: parseDigest(readUtf8(name)) }))
    .filter((d) => d.doc.hasDayHeader);
  const duplicates = findDuplicatePapers(digests, config);
  const days = new DaySummaries();
  for (const { name, doc } of digests) days.set(fileFacts(name, doc, [...validate(doc, { path: name, config }), ...(duplicates.get(name) ?? [])]));
  const insights = computeInsights(days.days(), { from, to, top });

  if (format === 'json') process.stdout.write(toJson(insights));
  else if (format === 'csv') process.stdout.write(tableToCsv(insightsTable(insights, table as TableName)));
  else process.stdout.write(toMarkdown(insights));
  return 0;
}
