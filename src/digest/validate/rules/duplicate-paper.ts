// The same paper twice in one file: twice in one day, or repeated under a later date (across files: `findDuplicatePapers`).
import { baseArxivId } from '../../arxiv';
import type { DigestDocument, DigestEntry } from '../../types';
import { isPaperEntry } from '../crossFile';
import { msg, type Rule } from '../types';

/** The papers of the last document checked, in order, when none repeated. */
let lastUnique: { readonly ids: readonly string[]; readonly dates: readonly string[] } | undefined;

/** Whether the document has the same papers under the same dates, in the same order (then none repeats either). */
function sameAsLastUnique(doc: DigestDocument): boolean {
  if (!lastUnique) return false;
  const { ids, dates } = lastUnique;
  let k = 0;
  for (const { date, entries } of doc.days) {
    for (const entry of entries) {
      if (!isPaperEntry(entry)) continue;
      if (k === ids.length || dates[k] !== date || ids[k] !== baseArxivId(entry.arxivId!)) return false;
      k++;
    }
  }
  return k === ids.length;
}

export default {
  meta: { id: 'duplicate-paper', name: 'Duplicate paper', severity: 'warning', fixable: false, ko: '중복 논문' },
  check(ctx) {
    // Run on every keystroke, where the papers rarely change: a walk that makes nothing tells so. Else one pass for
    // each paper's earliest place, one to report: linear however often a paper repeats.
    if (sameAsLastUnique(ctx.doc)) return;
    const ids: string[] = [];
    const dates: string[] = [];
    const firstEntry = new Map<string, DigestEntry>();
    const firstDate = new Map<string, string>();
    for (const { date, entries } of ctx.doc.days) {
      for (const entry of entries) {
        if (!isPaperEntry(entry)) continue;
        const id = baseArxivId(entry.arxivId!);
        ids.push(id);
        dates.push(date);
        const known = firstDate.get(id);
        if (known === undefined || date < known) {
          firstEntry.set(id, entry);
          firstDate.set(id, date);
        }
      }
    }
    lastUnique = firstEntry.size === ids.length ? { ids, dates } : undefined;
    if (lastUnique) return;
    for (const { date, entries } of ctx.doc.days) {
      for (const entry of entries) {
        if (!isPaperEntry(entry)) continue;
        const id = baseArxivId(entry.arxivId!);
        const first = firstEntry.get(id)!;
        if (first === entry) continue;
        const firstOn = firstDate.get(id)!;
        const line = String(first.headingRange.start.line + 1);
        if (date > firstOn) ctx.report(entry.urlRange!, msg`Unexpected repeat of paper ${id}, already summarised on ${firstOn} at line ${line}, expected each paper on one day`);
        else ctx.report(entry.urlRange!, msg`Unexpected second entry for arXiv ${id} on ${date}, expected each paper once (first at line ${line})`);
      }
    }
  },
} satisfies Rule;
