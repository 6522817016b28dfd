// The lint command's output formats: stylish (for people), JSON (for scripts), SARIF 2.1.0 (for code scanning).
import { RULES, type Problem } from '../digest';

export interface FileProblems {
  readonly file: string;
  readonly problems: readonly Problem[];
}

export const RULES_DOC_URL = 'https://github.com/daily-papers/daily-papers-digest/blob/main/docs/rules.md';

export function toJson(results: readonly FileProblems[]): string {
  const rows = results.flatMap(({ file, problems }) =>
    problems.map((p) => ({
      file,
      line: p.range.start.line + 1,
      column: p.range.start.character + 1,
      endLine: p.range.end.line + 1,
      endColumn: p.range.end.character + 1,
      rule: p.ruleId,
      severity: p.severity,
      message: p.message,
      fixable: p.fix !== undefined,
    })),
  );
  return JSON.stringify(rows, null, 2);
}

export function toStylish(results: readonly FileProblems[]): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixable = 0;
  for (const { file, problems } of results) {
    if (problems.length === 0) continue;
    out.push(file);
    for (const p of problems) {
      counts[p.severity]++;
      if (p.fix) fixable++;
      const where = `${p.range.start.line + 1}:${p.range.start.character + 1}`;
      out.push(`  ${where.padEnd(8)} ${p.severity.padEnd(11)} ${p.message}  ${p.ruleId}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) return 'No problems found.';
  out.push(`${total} problem${total === 1 ? '' : 's'} (${counts.error} errors, ${counts.warning} warnings, ${counts.information} information, ${counts.hint} hints)`);
  if (fixable) out.push(`${fixable} of them can be fixed with --fix.`);
  return out.join('\n');
}

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function toSarif(results: readonly FileProblems[], version: string): string {
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'daily-papers',
            version,
            informationUri: RULES_DOC_URL,
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: r.meta.name,
              shortDescription: { text: r.meta.name },
              helpUri: `${RULES_DOC_URL}#${r.meta.id}`,
              defaultConfiguration: { level: r.meta.severity === 'off' ? 'none' : LEVEL[r.meta.severity], enabled: r.meta.severity !== 'off' },
            })),
          },
        },
        results: results.flatMap(({ file, problems }) =>
          problems.map((p) => ({
            ruleId: p.ruleId,
            ruleIndex: RULES.findIndex((r) => r.meta.id === p.ruleId),
            level: LEVEL[p.severity],
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.replace(/\\/g, '/') },
                  region: {
                    startLine: p.range.start.line + 1,
                    startColumn: p.range.start.character + 1,
                    endLine: p.range.end.line + 1,
                    endColumn: p.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
