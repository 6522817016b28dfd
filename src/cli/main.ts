// The `daily-papers` command line: the same core as the extension, for scripts and CI.
import { parseArgs } from 'node:util';
import { parseDigest, toExport } from '../digest';
import { CliError, collectMarkdownFiles, readUtf8 } from './files';

const USAGE = `Usage: daily-papers export [--format json] <file|dir>...

Commands:
  export   print the digests' structure as a JSON array, one object per Markdown file

Options:
  --format json   output format (json is the only one)
  -h, --help      show this help`;

function exportCommand(args: string[]): void {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'json' } }, allowPositionals: true });
  if (values.format !== 'json') throw new CliError(`unknown format '${values.format}', expected json`);
  if (positionals.length === 0) throw new CliError('export needs at least one file or directory');
  const files = collectMarkdownFiles(positionals);
  const exported = files.map((file) => toExport(file, parseDigest(readUtf8(file))));
  process.stdout.write(JSON.stringify(exported, null, 2) + '\n');
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help') {
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === 'export') exportCommand(rest);
    else throw new CliError(`unknown command '${command}', expected export (see --help)`);
    return 0;
  } catch (e) {
    const message = e instanceof CliError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (e as Error).message : `internal error: ${String(e)}`;
    process.stderr.write(`daily-papers: ${message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
