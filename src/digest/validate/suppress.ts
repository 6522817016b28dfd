// Inline suppression comments: `<!-- daily-papers-disable-next-line rule -->`, `-disable-line`, `-disable` / `-enable`.
import type { DigestDocument } from '../types';
import { positionAt } from './lineIndex';
import type { Problem } from './types';

const DIRECTIVE = /^<!--\s*daily-papers-(disable-next-line|disable-line|disable|enable)\b(.*?)\s*-->$/;
/** Directives are short; a longer `<!-- … -->` is some other comment, so the scan below stays linear. */
const MAX_DIRECTIVE = 300;

export interface Directive {
  readonly kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  readonly line: number;
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
}

const OPENING = '<!-- daily-papers-';

/**
 * The directives that start in `text[from, to)`, in order, and whether each of them ends inside it too (then what
 * is found depends on that text alone, and may be kept while it is unchanged).
 */
export function directivesIn(doc: DigestDocument, from: number, to: number): { readonly found: Directive[]; readonly contained: boolean } {
  const text = doc.text;
  // Searched in a slice: a search of the whole text from `from` would cost the rest of the document each time.
  const part = text.slice(from, to);
  const found: Directive[] = [];
  let contained = true;
  for (let at = part.indexOf(OPENING); at !== -1; at = part.indexOf(OPENING, at + 1)) {
    const start = from + at;
    const close = text.indexOf('-->', start);
    if (close === -1 || close + 3 > to) contained = false;
    if (close === -1) break;
    if (close - start > MAX_DIRECTIVE) continue;
    const m = DIRECTIVE.exec(text.slice(start, close + 3));
    if (m) found.push({ kind: m[1] as Directive['kind'], line: positionAt(doc, start).line, rules: m[2].split(/[\s,]+/).filter((r) => r !== '') });
  }
  return { found, contained };
}

const names = (d: Directive, rule: string) => d.rules.length === 0 || d.rules.includes(rule);

function suppressed(problem: Problem, all: readonly Directive[]): boolean {
  const line = problem.range.start.line;
  let disabled = false;
  for (const d of all) {
    if (d.line > line) break;
    if (!names(d, problem.ruleId)) continue;
    if (d.kind === 'disable') disabled = true;
    else if (d.kind === 'enable') disabled = false;
    else if (d.kind === 'disable-line' && d.line === line) return true;
  }
  return disabled || all.some((d) => d.kind === 'disable-next-line' && d.line === line - 1 && names(d, problem.ruleId));
}

/** The problems no directive suppresses; `all` in document order. */
export function applySuppressions(problems: Problem[], all: readonly Directive[]): Problem[] {
  return all.length === 0 ? problems : problems.filter((p) => !suppressed(p, all));
}
