// `daily-papers format`: Format Document for CI — rewrite files in the canonical layout, or `--check` that they are.
import { parseArgs } from 'node:util';
import { formatDigest, isDigest, parseDigest } from '../digest';
import { CliError, collectMarkdownFiles, readUtf8, StderrReporter } from './files';
import { readTextFile, writeTextFile } from './safeWrite';

/** Runs the format command; returns 0, 1 when `--check` finds a file it would change, 2 when an input could not be read. */
export function formatCommand(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { check: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length === 0) throw new CliError('format needs at least one file or directory');
  const inputs = new StderrReporter();
  const changed: string[] = [];
  for (const file of collectMarkdownFiles(positionals, inputs)) {
    inputs.attempt(() => {
      // `--check` only reads; a rewrite goes through the safe write path (BOM, mode, links kept; a change underneath refused).
      const { text, snapshot } = values.check ? { text: readUtf8(file), snapshot: undefined } : readTextFile(file);
      const doc = parseDigest(text);
      // Only digests: a directory also holds Markdown files that are none of our business.
      if (!isDigest(doc)) return;
      const formatted = formatDigest(doc);
      if (formatted === text) return;
      changed.push(file);
      if (snapshot) writeTextFile(snapshot, formatted);
    }, positionals.includes(file));
  }
  if (values.check) {
    for (const file of changed) process.stdout.write(`${file}\n`);
    return inputs.failed ? 2 : changed.length ? 1 : 0;
  }
  process.stdout.write(`Formatted ${changed.length} file${changed.length === 1 ? '' : 's'}.\n`);
  return inputs.failed ? 2 : 0;
}
