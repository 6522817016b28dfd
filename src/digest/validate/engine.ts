// Runs the rules over a document: style detection, severities from the config, suppressions, order.
import { entryEndOffset, entryLineStart, entryLinesEnd, movedBy, originalEntry, shiftRange } from '../shift';
import type { DigestDocument, DigestEntry, Range } from '../types';
import { mergeConfigs, severityOf, type ValidationConfig } from './config';
import { detectStyle } from '../style';
import { positionAt } from './lineIndex';
import { RULES } from './rules';
import { applySuppressions, directivesIn, type Directive } from './suppress';
import type { Fix, Message, Problem, Rule, RuleContext } from './types';

export interface ValidateOptions {
  /** The file's path (any separators), for rules that compare it with the content. */
  readonly path?: string;
  readonly config?: ValidationConfig;
}

/** The problems entry-local rules found in one entry as parsed, for one set of rules and severities and one style. */
interface EntryRecord {
  readonly key: string;
  readonly lines: number;
  readonly offset: number;
  /** From the entry's end to the end of its last line (the same while the entry is untouched). */
  readonly toLinesEnd: number;
  readonly problems: readonly Problem[];
  /** The suppression directives in the entry's lines; null when one reaches past them (found again each time). */
  readonly directives: readonly Directive[] | null;
}

/**
 * Per entry as parsed: what the entry-local rules (entry and text rules) found in it, and its directives. An edit re-creates only the
 * entries it touches; the others keep their identity (shifted or not), so their problems are reused, shifted.
 */
const entryRecords = new WeakMap<DigestEntry, EntryRecord>();

/** What the text rules found in the text between an entry and the one before it (a day's header, a comment). */
interface GapRecord {
  readonly key: string;
  readonly source: string;
  /** The line and offset of the entry after it when it was checked: the gap ends there. */
  readonly lines: number;
  readonly offset: number;
  readonly problems: readonly Problem[];
  readonly directives: readonly Directive[];
}

/**
 * Per entry as parsed: the gap before it, checked again only when its text changed (a digest of 52 days has 52 gaps
 * with a day's header: three searches each on every keystroke otherwise).
 */
const gapRecords = new WeakMap<DigestEntry, GapRecord>();

function shiftFix(fix: Fix, lines: number, offset: number): Fix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ range: shiftRange(e.range, lines, offset), newText: e.newText })) };
}

function shiftProblem(p: Problem, lines: number, offset: number): Problem {
  const { fix, ...rest } = p;
  const moved: Problem = { ...rest, range: shiftRange(p.range, lines, offset) };
  return fix ? { ...moved, fix: shiftFix(fix, lines, offset) } : moved;
}

/** Whether `text[from, to)` holds only line breaks (the usual space between entries): no text rule finds anything there. */
function onlyLineBreaks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) return false;
  return true;
}

const keys = new Map<string, string>();
function canonicalKey(key: string): string {
  const known = keys.get(key);
  if (known !== undefined) return known;
  // Bounded: a key changes only with the configuration or the document's style.
  if (keys.size > 100) keys.clear();
  keys.set(key, key);
  return key;
}

interface ActiveRule {
  readonly rule: Rule;
  readonly order: number;
  readonly context: RuleContext;
}

/** Every problem of the document, sorted by position. Never throws: a failing rule is reported as a problem. */
export function validate(doc: DigestDocument, options: ValidateOptions = {}): Problem[] {
  const config = mergeConfigs(options.config);
  const problems: Problem[] = [];
  const style = detectStyle(doc, config.labelStyle);
  const path = options.path?.replace(/\\/g, '/');
  // Where reports go: the document's list, or one entry's list while the engine checks entry by entry.
  let sink = problems;
  const active: ActiveRule[] = [];
  let key = `${style.labelStyle}|${style.korean}|`;
  RULES.forEach((rule, order) => {
    const severity = severityOf(rule.meta.id, config);
    if (severity === null) return;
    const context: RuleContext = {
      doc,
      path,
      style,
      positionAt: (offset) => positionAt(doc, offset),
      rangeOf: (start, end) => ({ start: positionAt(doc, start), end: positionAt(doc, end) }),
      report: (range: Range, message: string | Message, fix?: Fix) =>
        sink.push({ ruleId: rule.meta.id, severity, ...(typeof message === 'string' ? { message } : message), range, ...(fix && { fix }) }),
    };
    active.push({ rule, order, context });
    // The rules are always listed in the same order: their severities' initials name the set.
    if (rule.checkEntry || rule.checkText) key += `${order}${severity[0]}`;
  });
  // One string object per distinct key: records compare keys by identity then, not character by character.
  key = canonicalKey(key);
  const failed = new Set<Rule>();
  const guarded = (rule: Rule, run: () => void) => {
    try {
      run();
    } catch (e) {
      if (failed.has(rule)) return;
      failed.add(rule);
      const start = positionAt(doc, 0);
      problems.push({ ruleId: rule.meta.id, severity: 'error', message: `Rule ${rule.meta.id} failed: ${String(e)}`, range: { start, end: start } });
    }
  };
  const local = active.filter(({ rule }) => rule.checkEntry || rule.checkText);
  const textRules = local.filter(({ rule }) => rule.checkText);

  // Entry-local rules and suppression directives: one record per entry, reused while the entry is untouched.
  const directives: Directive[] = [];
  const directivesOf = (from: number, to: number) => {
    const { found, contained } = directivesIn(doc, from, to);
    for (const d of found) directives.push(d);
    return contained ? found : null;
  };
  let gapStart = 0;
  for (const entry of doc.entries) {
    const from = entryLineStart(entry);
    const original = originalEntry(entry);
    const moved = movedBy(entry);
    if (!onlyLineBreaks(doc.text, gapStart, from)) {
      const gap = gapRecords.get(original);
      if (gap && gap.key === key && gap.source.length === from - gapStart && doc.text.startsWith(gap.source, gapStart)) {
        const dl = moved.lines - gap.lines;
        const dOff = moved.offset - gap.offset;
        for (const p of gap.problems) problems.push(dl === 0 && dOff === 0 ? p : shiftProblem(p, dl, dOff));
        for (const d of gap.directives) directives.push(dl === 0 ? d : { ...d, line: d.line + dl });
      } else {
        const found: Problem[] = (sink = []);
        const failures = failed.size;
        for (const { rule, context } of textRules) guarded(rule, () => rule.checkText!(context, gapStart, from));
        sink = problems;
        for (const p of found) problems.push(p);
        const kept = directivesOf(gapStart, from);
        if (kept && failed.size === failures) {
          gapRecords.set(original, { key, source: doc.text.slice(gapStart, from), lines: moved.lines, offset: moved.offset, problems: found, directives: kept });
        }
      }
    }
    const hit = entryRecords.get(original);
    const end = entryEndOffset(entry);
    const to = hit && hit.key === key ? end + hit.toLinesEnd : entryLinesEnd(doc.text, entry);
    gapStart = to;
    if (hit && hit.key === key) {
      const dl = moved.lines - hit.lines;
      const dOff = moved.offset - hit.offset;
      for (const p of hit.problems) problems.push(dl === 0 && dOff === 0 ? p : shiftProblem(p, dl, dOff));
      if (hit.directives === null) directivesOf(from, to);
      else for (const d of hit.directives) directives.push(dl === 0 ? d : { ...d, line: d.line + dl });
      continue;
    }
    const found: Problem[] = (sink = []);
    const failures = failed.size;
    for (const { rule, context } of local) guarded(rule, () => (rule.checkEntry ? rule.checkEntry(entry, context) : rule.checkText!(context, from, to)));
    sink = problems;
    const kept = directivesOf(from, to);
    // A rule that failed on this entry fails again next time: keep no record that would hide it.
    if (failed.size === failures) entryRecords.set(original, { key, lines: moved.lines, offset: moved.offset, toLinesEnd: to - end, problems: found, directives: kept });
    for (const p of found) problems.push(p);
  }
  for (const { rule, context } of textRules) guarded(rule, () => rule.checkText!(context, gapStart, doc.text.length));
  directivesOf(gapStart, doc.text.length);

  for (const { rule, context } of active) if (!rule.checkEntry && !rule.checkText) guarded(rule, () => rule.check(context));
  // By position; at the same place, in the rules' order (as listed in RULES).
  const order = new Map(active.map((a) => [a.rule.meta.id, a.order]));
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || order.get(a.ruleId)! - order.get(b.ruleId)!);
  return applySuppressions(problems, directives);
}
