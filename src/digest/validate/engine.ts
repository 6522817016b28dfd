// Runs the rules over a document: style detection, severities from the config, suppressions, order.
import type { DigestDocument, Range } from '../types';
import { mergeConfigs, severityOf, type ValidationConfig } from './config';
import { hasHangul } from './rules/english-summary';
import { positionAt } from './lineIndex';
import { RULES } from './rules';
import { applySuppressions } from './suppress';
import type { DocumentStyle, Fix, Problem, RuleContext } from './types';

export interface ValidateOptions {
  /** The file's path (any separators), for rules that compare it with the content. */
  readonly path?: string;
  readonly config?: ValidationConfig;
}

export function detectStyle(doc: DigestDocument, config: ValidationConfig = {}): DocumentStyle {
  let bold = 0;
  let boldItalic = 0;
  let sections = 0;
  let korean = 0;
  for (const e of doc.entries) {
    for (const s of e.sections) {
      sections++;
      if (s.labelStyle === 'bold') bold++;
      else if (s.labelStyle === 'bold-italic') boldItalic++;
      if (hasHangul(s.text)) korean++;
    }
  }
  const majority = bold + boldItalic === 0 ? 'none' : bold > boldItalic ? 'bold' : 'bold-italic';
  const labelStyle = config.labelStyle && config.labelStyle !== 'auto' ? config.labelStyle : majority;
  return { labelStyle, korean: sections > 0 && korean * 2 > sections };
}

/** Every problem of the document, sorted by position. Never throws: a failing rule is reported as a problem. */
export function validate(doc: DigestDocument, options: ValidateOptions = {}): Problem[] {
  const config = mergeConfigs(options.config);
  const problems: Problem[] = [];
  const style = detectStyle(doc, config);
  const path = options.path?.replace(/\\/g, '/');
  for (const rule of RULES) {
    const severity = severityOf(rule.meta.id, config);
    if (severity === null) continue;
    const context: RuleContext = {
      doc,
      path,
      style,
      positionAt: (offset) => positionAt(doc, offset),
      rangeOf: (start, end) => ({ start: positionAt(doc, start), end: positionAt(doc, end) }),
      report: (range: Range, message: string, fix?: Fix) => problems.push({ ruleId: rule.meta.id, severity, message, range, ...(fix && { fix }) }),
    };
    try {
      rule.check(context);
    } catch (e) {
      const start = positionAt(doc, 0);
      problems.push({ ruleId: rule.meta.id, severity: 'error', message: `Rule ${rule.meta.id} failed: ${String(e)}`, range: { start, end: start } });
    }
  }
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  return applySuppressions(doc, problems);
}
