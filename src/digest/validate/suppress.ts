// Inline suppression comments: `<!-- daily-papers-disable-next-line rule -->`, `-disable-line`, `-disable` / `-enable`.
import type { DigestDocument } from '../types';
import { positionAt } from './lineIndex';
import type { Problem } from './types';

const DIRECTIVE = /^<!--\s*daily-papers-(disable-next-line|disable-line|disable|enable)\b(.*?)\s*-->$/;
/** Directives are short; a longer `<!-- … -->` is some other comment, so the scan below stays linear. */
const MAX_DIRECTIVE = 300;

interface Directive {
  readonly kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  readonly line: number;
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
}

function directives(doc: DigestDocument): Directive[] {
  const text = doc.text;
  const found: Directive[] = [];
  for (let at = text.indexOf('<!-- daily-papers-'); at !== -1; at = text.indexOf('<!-- daily-papers-', at + 1)) {
    const close = text.indexOf('-->', at);
    if (close === -1) break;
    if (close - at > MAX_DIRECTIVE) continue;
    const m = DIRECTIVE.exec(text.slice(at, close + 3));
    if (m) found.push({ kind: m[1] as Directive['kind'], line: positionAt(doc, at).line, rules: m[2].split(/[\s,]+/).filter((r) => r !== '') });
  }
  return found;
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

export function applySuppressions(doc: DigestDocument, problems: Problem[]): Problem[] {
  const all = directives(doc);
  return all.length === 0 ? problems : problems.filter((p) => !suppressed(p, all));
}
