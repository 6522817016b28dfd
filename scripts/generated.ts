// What `npm run generate` writes from the rule modules' metadata (the one place a rule is described): the
// settings' enums, the config file schema, the `rule.*` translations and the docs table. Pure: text in, text out.
import { RULES } from '../src/digest/validate/rules';
import { LABEL_STYLE_SETTINGS, SEVERITIES } from '../src/digest/validate/config';
import type { RuleMeta } from '../src/digest/validate/types';

/** Files written by the generator, relative to the repository root. */
export const GENERATED_FILES = ['package.json', 'schemas/daily-papers.schema.json', 'package.nls.json', 'package.nls.ko.json', 'docs/rules.md'] as const;
export type GeneratedFile = (typeof GENERATED_FILES)[number];

const DOCS_URL = 'https://github.com/daily-papers/daily-papers-digest/blob/main/docs/rules.md';
const TABLE_START = '<!-- generated: rules table (npm run generate) -->';
const TABLE_END = '<!-- end of generated rules table -->';

const metas = (): RuleMeta[] => RULES.map((r) => r.meta);
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function description(meta: RuleMeta, korean: boolean): string {
  return korean
    ? `${meta.ko} ([문서](${DOCS_URL}#${meta.id})). 기본값: \`${meta.severity}\`.`
    : `${meta.name} ([docs](${DOCS_URL}#${meta.id})). Default: \`${meta.severity}\`.`;
}

/** The `properties` of a rules object: each rule's severity enum and default, described in place or by an nls key. */
function ruleProperties(describe: (meta: RuleMeta) => string): Record<string, unknown> {
  return Object.fromEntries(metas().map((m) => [m.id, { enum: [...SEVERITIES], default: m.severity, markdownDescription: describe(m) }]));
}

function manifest(text: string): string {
  const pkg = JSON.parse(text);
  const settings = pkg.contributes.configuration.properties;
  settings['dailyPapers.validation.rules'].properties = ruleProperties((m) => `%rule.${m.id}.description%`);
  settings['dailyPapers.validation.labelStyle'].enum = [...LABEL_STYLE_SETTINGS];
  return json(pkg);
}

function schema(text: string): string {
  const s = JSON.parse(text);
  s.properties.rules.properties = ruleProperties((m) => description(m, false));
  s.properties.labelStyle.enum = [...LABEL_STYLE_SETTINGS];
  return json(s);
}

/** Replaces the `rule.*` keys where the first of them stood (after the rules setting's own text when there is none). */
function translations(text: string, korean: boolean): string {
  const entries = Object.entries(JSON.parse(text) as Record<string, string>);
  const generated = metas().map((m) => [`rule.${m.id}.description`, description(m, korean)] as const);
  const isRule = ([key]: readonly [string, string]) => key.startsWith('rule.');
  const kept = entries.filter((e) => !isRule(e));
  const first = entries.findIndex(isRule);
  const at = first >= 0 ? entries.slice(0, first).filter((e) => !isRule(e)).length : kept.findIndex(([k]) => k === 'config.validation.rules.markdownDescription') + 1;
  return json(Object.fromEntries([...kept.slice(0, at), ...generated, ...kept.slice(at)]));
}

function docs(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/rules.md: expected the markers ${TABLE_START} … ${TABLE_END}`);
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  const table = ['| id | default | fixable |', '|---|---|---|', ...metas().map((m) => `| [\`${m.id}\`](#${m.id}) | ${m.severity} | ${yesNo(m.fixable)} |`)];
  let out = `${text.slice(0, start)}${TABLE_START}\n${table.join('\n')}\n${text.slice(end)}`;
  // Each hand-written section states the defaults once, in the same words: kept in step with the metadata.
  for (const m of metas()) {
    const section = new RegExp(`(\\n## ${m.id}\\n[^]*?\\n)Default severity: \\*\\*\\w+\\*\\*\\. Fixable: \\*\\*\\w+\\*\\*\\.`);
    out = out.replace(section, `$1Default severity: **${m.severity}**. Fixable: **${yesNo(m.fixable)}**.`);
  }
  return out;
}

/** The generated content of `file`, given its current text. */
export function generate(file: GeneratedFile, text: string): string {
  switch (file) {
    case 'package.json': return manifest(text);
    case 'schemas/daily-papers.schema.json': return schema(text);
    case 'package.nls.json': return translations(text, false);
    case 'package.nls.ko.json': return translations(text, true);
    case 'docs/rules.md': return docs(text);
  }
}
