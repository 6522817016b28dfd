// The same paper twice in one file: twice in one day, or repeated under a later date (across files: `findDuplicatePapers`).
import { baseArxivId } from '../../arxiv';
import { originalEntry } from '../../shift';
import type { DigestEntry } from '../../types';
import { msg, type Rule } from '../types';

export default {
  meta: { id: 'duplicate-paper', name: 'Duplicate paper', severity: 'warning', fixable: false, ko: '중복 논문' },
  check(ctx) {
    // One pass for each paper's earliest place, one to report: linear however often a paper repeats. Run on every
    // keystroke: nothing is made for a paper seen once (an entry's link is asked of the entry as parsed, so a moved
    // entry's shifted range is not made for it).
    const firstEntry = new Map<string, DigestEntry>();
    const firstDate = new Map<string, string>();
    const hasPaper = (entry: DigestEntry) => entry.arxivId !== null && originalEntry(entry).urlRange !== null;
    for (const { date, entries } of ctx.doc.days) {
      for (const entry of entries) {
        if (!hasPaper(entry)) continue;
        const id = baseArxivId(entry.arxivId!);
        const known = firstDate.get(id);
        if (known === undefined || date < known) {
          firstEntry.set(id, entry);
          firstDate.set(id, date);
        }
      }
    }
    if (firstEntry.size === ctx.doc.entries.length) return; // every entry a paper of its own
    for (const { date, entries } of ctx.doc.days) {
      for (const entry of entries) {
        if (!hasPaper(entry)) continue;
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
