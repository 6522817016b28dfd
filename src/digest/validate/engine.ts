// Runs the rules over a document: style detection, severities from the config, suppressions, order.
import { entryOrigin, shiftRange } from '../shift';
import type { DigestDocument, DigestEntry, Range } from '../types';
import { mergeConfigs, severityOf, type ValidationConfig } from './config';
import { detectStyle } from '../style';
import { positionAt } from './lineIndex';
import { RULES } from './rules';
import { applySuppressions } from './suppress';
import type { Fix, Problem, Rule, RuleContext, Severity } from './types';

export interface ValidateOptions {
  /** The file's path (any separators), for rules that compare it with the content. */
  readonly path?: string;
  readonly config?: ValidationConfig;
}

interface CachedEntryProblems {
  readonly styleKey: string;
  readonly lines: number;
  readonly offset: number;
  readonly problems: readonly Problem[];
}

/**
 * Problems of entry rules per entry as parsed (rule → entry → problems). An edit re-creates only the entries it
 * touches; the others keep their identity (shifted or not), so their problems are reused, shifted.
 */
const entryProblems = new WeakMap<Rule, WeakMap<DigestEntry, CachedEntryProblems>>();

function shiftFix(fix: Fix, lines: number, offset: number): Fix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ range: shiftRange(e.range, lines, offset), newText: e.newText })) };
}

function shiftProblem(p: Problem, lines: number, offset: number): Problem {
  const moved: Problem = { ruleId: p.ruleId, severity: p.severity, message: p.message, range: shiftRange(p.range, lines, offset) };
  return p.fix ? { ...moved, fix: shiftFix(p.fix, lines, offset) } : moved;
}

function checkEntries(rule: Rule, context: RuleContext, collect: (found: Problem[]) => Problem[], severity: Severity, out: Problem[]): void {
  let cache = entryProblems.get(rule);
  if (!cache) entryProblems.set(rule, (cache = new WeakMap()));
  const styleKey = `${context.style.labelStyle}|${context.style.korean}|${severity}`;
  for (const entry of context.doc.entries) {
    const origin = entryOrigin(entry);
    const hit = cache.get(origin.original);
    if (hit && hit.styleKey === styleKey) {
      const dl = origin.lines - hit.lines;
      const dOff = origin.offset - hit.offset;
      for (const p of hit.problems) out.push(dl === 0 && dOff === 0 ? p : shiftProblem(p, dl, dOff));
      continue;
    }
    const found = collect([]);
    rule.checkEntry!(entry, context);
    cache.set(origin.original, { styleKey, lines: origin.lines, offset: origin.offset, problems: found });
    for (const p of found) out.push(p);
  }
}

/** Every problem of the document, sorted by position. Never throws: a failing rule is reported as a problem. */
export function validate(doc: DigestDocument, options: ValidateOptions = {}): Problem[] {
  const config = mergeConfigs(options.config);
  const problems: Problem[] = [];
  const style = detectStyle(doc, config.labelStyle);
  const path = options.path?.replace(/\\/g, '/');
  for (const rule of RULES) {
    const severity = severityOf(rule.meta.id, config);
    if (severity === null) continue;
    // Where reports go: the document's list, or one entry's list while the engine checks entry by entry.
    let sink = problems;
    const context: RuleContext = {
      doc,
      path,
      style,
      positionAt: (offset) => positionAt(doc, offset),
      rangeOf: (start, end) => ({ start: positionAt(doc, start), end: positionAt(doc, end) }),
      report: (range: Range, message: string, fix?: Fix) => sink.push({ ruleId: rule.meta.id, severity, message, range, ...(fix && { fix }) }),
    };
    try {
      if (rule.checkEntry) checkEntries(rule, context, (list) => (sink = list), severity, problems);
      else rule.check(context);
    } catch (e) {
      const start = positionAt(doc, 0);
      problems.push({ ruleId: rule.meta.id, severity: 'error', message: `Rule ${rule.meta.id} failed: ${String(e)}`, range: { start, end: start } });
    }
  }
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  return applySuppressions(doc, problems);
}
