// Whatever Format Document would change and no other rule reports (blank lines, the file's end), so that lint and
// the formatter agree: a file lint calls clean is left as it is, and each place the formatter changes is shown.
import { formatDigest } from '../../format';
import { msg, type Rule, type RuleContext } from '../types';

/** Lines with their line breaks, so that joining them gives the text back. */
const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
const isBlankLine = (line: string) => line.trim() === '';

/** What other rules already report (trailing blanks, label markup): not this rule's to show again. */
const normalise = (line: string) => {
  const lineBreak = /\r?\n$/.exec(line)?.[0] ?? '';
  const content = line.slice(0, line.length - lineBreak.length).replace(/[ \t]+$/, '');
  return content.replace(/^(\s*[-*+] )\*{1,3}([^*\n]+?)\*{1,3}[ \t]*:/, '$1$2:') + lineBreak;
};

/** A place where the formatter changes the text: `[start, end)` in the source, `[newStart, newEnd)` in the result. */
interface Hunk {
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

function report(ctx: RuleContext, formatted: string, hunk: Hunk): void {
  const old = linesOf(ctx.doc.text.slice(hunk.start, hunk.end));
  const next = linesOf(formatted.slice(hunk.newStart, hunk.newEnd));
  const range = ctx.rangeOf(hunk.start, hunk.end);
  const message =
    old.every(isBlankLine) && next.every(isBlankLine) && old.length > next.length
      ? msg`Unexpected blank lines, expected one blank line between blocks and at most one at the end of the file`
      : old.every(isBlankLine) && next.every(isBlankLine)
        ? msg`Unexpected missing blank line or line break, expected the generator's layout (Format Document writes it)`
        : msg`Unexpected layout, expected the generator's layout (Format Document writes it)`;
  ctx.report(range, message, { title: 'Format this place as Format Document does', edits: [{ range, newText: next.join('') }] });
}

export default {
  meta: { id: 'layout', name: 'Layout', severity: 'hint', fixable: true, ko: 'Format Document이 바꿀 배치' },
  check(ctx) {
    const labelStyle = ctx.style.labelStyle === 'bold' || ctx.style.labelStyle === 'bold-italic' ? ctx.style.labelStyle : undefined;
    const formatted = formatDigest(ctx.doc, { labelStyle });
    if (formatted === ctx.doc.text) return;
    // The formatter keeps every non-blank line, in order: pair them up and compare the blank runs between them
    // (linear, unlike a general diff, on any input). The places of one entry become one problem.
    const old = linesOf(ctx.doc.text);
    const next = linesOf(formatted);
    const entryStarts = ctx.doc.entries.map((e) => e.range.start.offset);
    const entryAt = (offset: number) => {
      let lo = 0;
      let hi = entryStarts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (entryStarts[mid] <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    let open: (Hunk & { entry: number }) | null = null;
    const place = (start: number, end: number, newStart: number, newEnd: number) => {
      const entry = entryAt(start);
      if (open && open.entry === entry) Object.assign(open, { end, newEnd });
      else {
        if (open) report(ctx, formatted, open);
        open = { start, end, newStart, newEnd, entry };
      }
    };
    let i = 0;
    let j = 0;
    let offset = 0;
    let newOffset = 0;
    while (i < old.length || j < next.length) {
      const [oldRun, nextRun] = [i, j];
      while (i < old.length && isBlankLine(old[i])) i++;
      while (j < next.length && isBlankLine(next[j])) j++;
      const blanks = old.slice(oldRun, i).join('');
      const newBlanks = next.slice(nextRun, j).join('');
      if (blanks !== newBlanks) place(offset, offset + blanks.length, newOffset, newOffset + newBlanks.length);
      offset += blanks.length;
      newOffset += newBlanks.length;
      if (i === old.length || j === next.length) {
        // Only the file's end can differ here; anything else means the pairing failed: show the rest as one place.
        if (i < old.length || j < next.length) place(offset, ctx.doc.text.length, newOffset, formatted.length);
        break;
      }
      if (old[i] !== next[j] && normalise(old[i]) !== normalise(next[j])) place(offset, offset + old[i].length, newOffset, newOffset + next[j].length);
      offset += old[i].length;
      newOffset += next[j].length;
      i++;
      j++;
    }
    if (open) report(ctx, formatted, open);
  },
} satisfies Rule;
