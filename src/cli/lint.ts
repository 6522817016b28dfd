// `daily-papers lint`: the editor's checks for CI, with the same rules, config and suppressions.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findDuplicatePapers, fixAll, isDigest, parseConfig, parseDigest, validate, type Problem, type ValidationConfig } from '../digest';
import { CliError, collectMarkdownFiles, readUtf8, StderrReporter } from './files';
import { readTextFile, writeTextFile } from './safeWrite';
import { toJson, toSarif, toStylish, type FileProblems } from './formats';

export const DEFAULT_CONFIG_FILE = '.daily-papers.json';

export function loadConfig(path: string | undefined): ValidationConfig {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return {};
  const { config, errors } = parseConfig(readUtf8(file));
  if (errors.length) throw new CliError(`invalid config ${file}: ${errors.join('; ')}`);
  return config;
}

/** Runs the lint command; returns the exit status (0 clean, 1 errors or too many warnings, 2 when an input could not be read). */
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
  const inputs = new StderrReporter();
  const files = collectMarkdownFiles(positionals, inputs);

  const digests = files.flatMap((file) => {
    const text = inputs.attempt(() => {
      if (!values.fix) return readUtf8(file);
      const { text, snapshot } = readTextFile(file);
      const result = fixAll(text, { path: file, config });
      if (result.fixed > 0) writeTextFile(snapshot, result.text);
      return result.text;
    }, positionals.includes(file));
    return text === undefined ? [] : [{ name: file, doc: parseDigest(text) }];
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
  if (inputs.failed) return 2;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
