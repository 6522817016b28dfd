// `daily-papers lint`: the editor's checks for CI, with the same rules, config and suppressions.
import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { findDuplicatePapers, fixAll, isDigest, parseConfig, parseDigest, validate, type Problem, type ValidationConfig } from '../digest';
import { CliError, collectMarkdownFiles, readUtf8 } from './files';
import { toJson, toSarif, toStylish, type FileProblems } from './formats';

export const DEFAULT_CONFIG_FILE = '.daily-papers.json';

export function loadConfig(path: string | undefined): ValidationConfig {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return {};
  const { config, errors } = parseConfig(readUtf8(file));
  if (errors.length) throw new CliError(`invalid config ${file}: ${errors.join('; ')}`);
  return config;
}

/** Writes through a temporary file and a rename, so an error never leaves a truncated digest. */
function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, file);
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    throw new CliError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/** Runs the lint command; returns the exit status (0 clean, 1 errors or too many warnings). */
export function lintCommand(args: string[], version: string): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'stylish' },
      config: { type: 'string' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const format = values.format;
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new CliError(`unknown format '${format}', expected stylish, json or sarif`);
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new CliError('--max-warnings takes a whole number');
  if (positionals.length === 0) throw new CliError('lint needs at least one file or directory');
  const config = loadConfig(values.config);
  const files = collectMarkdownFiles(positionals);

  const digests = files.map((file) => {
    let text = readUtf8(file);
    if (values.fix) {
      const result = fixAll(text, { path: file, config });
      if (result.fixed > 0) {
        writeAtomically(file, result.text);
        text = result.text;
      }
    }
    return { name: file, doc: parseDigest(text) };
  });
  const duplicates = findDuplicatePapers(digests.filter((d) => isDigest(d.doc)), config);
  const results: FileProblems[] = digests.map(({ name, doc }) => {
    const problems: Problem[] = isDigest(doc) ? [...validate(doc, { path: name, config }), ...(duplicates.get(name) ?? [])] : [];
    problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
    return { file: name, problems };
  });

  const output = format === 'json' ? toJson(results) : format === 'sarif' ? toSarif(results, version) : toStylish(results);
  process.stdout.write(output + '\n');
  const all = results.flatMap((r) => r.problems);
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.filter((p) => p.severity === 'warning').length;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
