// The `daily-papers` command line: the same core as the extension, for scripts and CI.
import { parseArgs } from 'node:util';
import { parseDigest, toExport } from '../digest';
import { CliError, collectMarkdownFiles, readUtf8 } from './files';
import { lintCommand } from './lint';

declare const PACKAGE_VERSION: string;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  daily-papers export [--format json] <file|dir>...
  daily-papers lint [--format stylish|json|sarif] [--config file] [--max-warnings N] [--fix] <file|dir>...

Commands:
  export   print the digests' structure as a JSON array, one object per Markdown file
  lint     check digests; exit 0 when clean, 1 on errors (or more warnings than --max-warnings)

Directories are searched recursively for *.md. lint reads .daily-papers.json from the current
directory unless --config names another file. Exit status 2 means a usage or I/O error.`;

function exportCommand(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'json' } }, allowPositionals: true });
  if (values.format !== 'json') throw new CliError(`unknown format '${values.format}', expected json`);
  if (positionals.length === 0) throw new CliError('export needs at least one file or directory');
  const files = collectMarkdownFiles(positionals);
  const exported = files.map((file) => toExport(file, parseDigest(readUtf8(file))));
  process.stdout.write(JSON.stringify(exported, null, 2) + '\n');
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
    throw new CliError(`unknown command '${command}', expected export or lint (see --help)`);
  } catch (e) {
    const known = e instanceof CliError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`daily-papers: ${known ? (e as Error).message : `internal error: ${String(e)}`}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
