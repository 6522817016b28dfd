// The `daily-papers` command line: the same core as the extension, for scripts and CI.
import { parseArgs } from 'node:util';
import { parseDigest, toBibliography, toCsv, toExport } from '../digest';
import { CliError, collectMarkdownFiles, readUtf8, StderrReporter } from './files';
import { formatCommand } from './format';
import { lintCommand } from './lint';
import { statsCommand } from './stats';

declare const PACKAGE_VERSION: string;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  daily-papers export [--format json|csv|csv-plain|bibtex] [--csv-eol crlf|lf] <file|dir>...
  daily-papers lint [--format stylish|json|sarif] [--config file] [--max-warnings N] [--fix] <file|dir>...
  daily-papers format [--check] <file|dir>...
  daily-papers stats [--from D] [--to D] [--format json|csv|md] [--table T] [--top N] [--config file] <file|dir>...

Commands:
  export   print the digests: JSON (one object per Markdown file), CSV as the generator's papers_list.csv
           (date,title,url; titles as written; csv-plain: markup removed; CRLF unless --csv-eol lf) or BibTeX
  lint     check digests; exit 0 when clean, 1 on errors (or more warnings than --max-warnings)
  format   rewrite digests in the canonical layout (Format Document); --check lists the files it
           would change and exits 1 if there are any
  stats    aggregates over a date range: per day (papers, votes, era, problems), top papers and authors,
           repeats; JSON, one table as CSV (--table days|papers|authors|repeats|categories) or Markdown

Directories are searched recursively for *.md. lint reads .daily-papers.json from the current
directory unless --config names another file. Exit status 2 means a usage or I/O error; an input that
cannot be read is reported and the others are still processed. FIFOs, sockets and devices are skipped.`;

function exportCommand(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'json' }, 'csv-eol': { type: 'string', default: 'crlf' } }, allowPositionals: true });
  const format = values.format;
  if (format !== 'json' && format !== 'csv' && format !== 'csv-plain' && format !== 'bibtex') throw new CliError(`unknown format '${format}', expected json, csv, csv-plain or bibtex`);
  const eol = values['csv-eol'];
  if (eol !== 'crlf' && eol !== 'lf') throw new CliError(`unknown --csv-eol '${eol}', expected crlf or lf`);
  if (positionals.length === 0) throw new CliError('export needs at least one file or directory');
  const inputs = new StderrReporter();
  const files = collectMarkdownFiles(positionals, inputs).flatMap((file) => {
    const text = inputs.attempt(() => readUtf8(file), positionals.includes(file));
    return text === undefined ? [] : [{ file, doc: parseDigest(text) }];
  });
  const docs = files.map((f) => f.doc);
  if (format === 'csv' || format === 'csv-plain') process.stdout.write(toCsv(docs, { titles: format === 'csv' ? 'as-written' : 'plain', eol: eol === 'lf' ? '\n' : '\r\n' }));
  else if (format === 'bibtex') process.stdout.write(toBibliography(docs));
  else process.stdout.write(JSON.stringify(files.map(({ file, doc }) => toExport(file, doc)), null, 2) + '\n');
  return inputs.failed ? 2 : 0;
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
    if (command === 'format') return formatCommand(rest);
    if (command === 'stats') return statsCommand(rest);
    throw new CliError(`unknown command '${command}', expected export, lint, format or stats (see --help)`);
  } catch (e) {
    const known = e instanceof CliError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`daily-papers: ${known ? (e as Error).message : `internal error: ${String(e)}`}\n`);
    return 2;
  }
}

// A reader that stops early (`| head`) closes the pipe: that ends the output, quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = main(process.argv.slice(2));
