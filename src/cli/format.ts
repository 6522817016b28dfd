// `daily-papers format`: Format Document for CI — rewrite files in the canonical layout, or `--check` that they are.
import { parseArgs } from 'node:util';
import { formatDigest, parseDigest } from '../digest';
import { CliError, collectMarkdownFiles, readUtf8, writeAtomically } from './files';

/** Runs the format command; returns the exit status (0, or 1 when `--check` finds a file it would change). */
export function formatCommand(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { check: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length === 0) throw new CliError('format needs at least one file or directory');
  const changed: string[] = [];
  for (const file of collectMarkdownFiles(positionals)) {
    const text = readUtf8(file);
    const doc = parseDigest(text);
    // Only digests: a directory also holds Markdown files that are none of our business.
    if (!doc.hasDayHeader) continue;
    const formatted = formatDigest(doc);
    if (formatted === text) continue;
    changed.push(file);
    if (!values.check) writeAtomically(file, formatted);
  }
  if (values.check) {
    for (const file of changed) process.stdout.write(`${file}\n`);
    return changed.length ? 1 : 0;
  }
  process.stdout.write(`Formatted ${changed.length} file${changed.length === 1 ? '' : 's'}.\n`);
  return 0;
}
