// Types of the validator: rules, problems and fixes, independent of VS Code.
import type { DocumentStyle } from '../style';
import type { DigestDocument, DigestEntry, Position, Range, TextEdit } from '../types';

export type { DocumentStyle };

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** A message in English, with the template (`{0}` for each argument) and arguments an adapter translates it by. */
export interface Message {
  readonly message: string;
  readonly template: string;
  readonly args: readonly string[];
}

/** Tagged template for rule messages: the English text, the template (`{0}` for each value) and the values as text. */
export function msg(strings: TemplateStringsArray, ...values: readonly unknown[]): Message {
  const args = values.map(String);
  return {
    message: strings.reduce((out, s, i) => out + args[i - 1] + s),
    template: strings.reduce((out, s, i) => out + `{${i - 1}}` + s),
    args,
  };
}

export interface Problem extends Partial<Omit<Message, 'message'>> {
  readonly ruleId: string;
  readonly severity: Severity;
  /** English; `template` and `args` (when the rule gives them) let an adapter show it translated. */
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
}

/**
 * Everything the manifest, schema, translations and docs table say about a rule (`npm run generate` writes
 * them from here).
 */
export interface RuleMeta {
  /** Stable id, used in settings, suppression comments and the CLI. */
  readonly id: string;
  /** A few words for lists: the rule's English description in the Settings editor, the schema and SARIF. */
  readonly name: string;
  /** The default severity. */
  readonly severity: SeveritySetting;
  readonly fixable: boolean;
  /** `name` in Korean (the Settings editor in Korean). */
  readonly ko: string;
}

export interface RuleContext {
  readonly doc: DigestDocument;
  /** The file's path with `/` separators, when known (for path-dependent rules). */
  readonly path: string | undefined;
  readonly style: DocumentStyle;
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
  report(range: Range, message: string | Message, fix?: Fix): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
  /**
   * For rules that judge each entry on its own (its text and the document's style only): the engine then
   * re-checks only entries an edit touched, and reuses (shifted) problems for the others.
   */
  readonly checkEntry?: (entry: DigestEntry, context: RuleContext) => void;
  /**
   * For rules that judge the text line by line (`[from, to)` always spans whole lines): the engine checks each
   * entry's lines once and reuses the problems while the entry is untouched, and checks the lines between entries.
   */
  readonly checkText?: (context: RuleContext, from: number, to: number) => void;
}

/** Helper for rules that look at the text line by line. */
export function textRule(meta: RuleMeta, checkText: (context: RuleContext, from: number, to: number) => void): Rule {
  return { meta, checkText, check: (context) => checkText(context, 0, context.doc.text.length) };
}

/** Helper for rules that look at one entry at a time. */
export function entryRule(meta: RuleMeta, checkEntry: (entry: DigestEntry, context: RuleContext) => void): Rule {
  return { meta, checkEntry, check: (context) => context.doc.entries.forEach((e) => checkEntry(e, context)) };
}
