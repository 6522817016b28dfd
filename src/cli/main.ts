// The `daily-papers` command line: the same core as the extension, for scripts and CI.
import { parseArgs } from 'node:util';
import { parseDigest, toBibliography, toCsv, toExport } from '../digest';
import { CliError, collectMarkdownFiles, readUtf8 } from './files';
import { lintCommand } from './lint';
import { statsCommand } from './stats';

declare const PACKAGE_VERSION: string;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  daily-papers export [--format json|csv|bibtex] <file|dir>...
  daily-papers lint [--format stylish|json|sarif] [--config file] [--max-warnings N] [--fix] <file|dir>...
  daily-papers stats [--from D] [--to D] [--format json|csv|md] [--table T] [--top N] [--config file] <file|dir>...

Commands:
  export   print the digests: JSON (one object per Markdown file), CSV (date,title,paper_url) or BibTeX
  lint     check digests; exit 0 when clean, 1 on errors (or more warnings than --max-warnings)
  stats    aggregates over a date range: per day (papers, votes, era, problems), top papers and authors,
           repeats; JSON, one table as CSV (--table days|papers|authors|repeats|categories) or Markdown

Directories are searched recursively for *.md. lint reads .daily-papers.json from the current
directory unless --config names another file. Exit status 2 means a usage or I/O error.`;

function exportCommand(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'json' } }, allowPositionals: true });
  const format = values.format;
  if (format !== 'json' && format !== 'csv' && format !== 'bibtex') throw new CliError(`unknown format '${format}', expected json, csv or bibtex`);
  if (positionals.length === 0) throw new CliError('export needs at least one file or directory');
  const files = collectMarkdownFiles(positionals).map((file) => ({ file, doc: parseDigest(readUtf8(file)) }));
  if (format === 'csv') process.stdout.write(toCsv(files.map((f) => f.doc)));
  else if (format === 'bibtex') process.stdout.write(toBibliography(files.map((f) => f.doc)));
  else process.stdout.write(JSON.stringify(files.map(({ file, doc }) => toExport(file, doc)), null, 2) + '\n');
  return 0;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help') {
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    if (command === 'export') return exportCommand(rest);
    if (command === 'lint') return lintCommand(rest, VERSION);
    if (command === 'stats') return statsCommand(rest);
    throw new CliError(`unknown command '${command}', expected export, lint or stats (see --help)`);
  } catch (e) {
    const known = e instanceof CliError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`daily-papers: ${known ? (e as Error).message : `internal error: ${String(e)}`}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
