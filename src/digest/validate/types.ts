// Types of the validator: rules, problems and fixes, independent of VS Code.
import type { DigestDocument, DigestEntry, LabelStyle, Position, Range, TextEdit } from '../types';

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

export interface RuleMeta {
  /** Stable id, used in settings, suppression comments and the CLI. */
  readonly id: string;
  /** A few words for lists. */
  readonly name: string;
  readonly severity: SeveritySetting;
  readonly fixable: boolean;
}

/** What the document looks like as a whole, so era-dependent rules judge it by its own majority. */
export interface DocumentStyle {
  /** The label style most sections use (`none` when no section has a label). */
  readonly labelStyle: Exclude<LabelStyle, 'malformed'>;
  /** True when most summaries are written in Korean. */
  readonly korean: boolean;
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
}

/** Helper for rules that look at one entry at a time. */
export function entryRule(meta: RuleMeta, checkEntry: (entry: DigestEntry, context: RuleContext) => void): Rule {
  return { meta, checkEntry, check: (context) => context.doc.entries.forEach((e) => checkEntry(e, context)) };
}
