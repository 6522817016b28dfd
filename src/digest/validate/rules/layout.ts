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

function report(ctx: RuleContext, start: number, old: readonly string[], next: readonly string[]): void {
  const range = ctx.rangeOf(start, start + old.join('').length);
  const message =
    old.every(isBlankLine) && next.every(isBlankLine) && old.length > next.length
      ? msg`Unexpected blank lines, expected one blank line between blocks and at most one at the end of the file`
      : old.every(isBlankLine) && next.every(isBlankLine)
        ? msg`Unexpected missing blank line or line break, expected the generator's layout (Format Document writes it)`
        : msg`Unexpected layout, expected the generator's layout (Format Document writes it)`;
  ctx.report(range, message, { title: 'Format this place as Format Document does', edits: [{ range, newText: next.join('') }] });
}

export default {
  meta: { id: 'layout', name: 'Layout', severity: 'hint', fixable: true },
  check(ctx) {
    const labelStyle = ctx.style.labelStyle === 'bold' || ctx.style.labelStyle === 'bold-italic' ? ctx.style.labelStyle : undefined;
    const formatted = formatDigest(ctx.doc, { labelStyle });
    if (formatted === ctx.doc.text) return;
    // The formatter keeps every non-blank line, in order: pair them up and compare the blank runs between them
    // (linear, unlike a general diff, on any input).
    const old = linesOf(ctx.doc.text);
    const next = linesOf(formatted);
    let i = 0;
    let j = 0;
    let offset = 0;
    while (i < old.length || j < next.length) {
      const [oldRun, nextRun] = [i, j];
      while (i < old.length && isBlankLine(old[i])) i++;
      while (j < next.length && isBlankLine(next[j])) j++;
      const blanks = old.slice(oldRun, i);
      if (blanks.join('') !== next.slice(nextRun, j).join('')) report(ctx, offset, blanks, next.slice(nextRun, j));
      offset += blanks.join('').length;
      if (i === old.length || j === next.length) {
        // Only the file's end can differ here; anything else means the pairing failed: show the rest as one place.
        if (i < old.length || j < next.length) report(ctx, offset, old.slice(i), next.slice(j));
        break;
      }
      if (old[i] !== next[j] && normalise(old[i]) !== normalise(next[j])) report(ctx, offset, [old[i]], [next[j]]);
      offset += old[i].length;
      i++;
      j++;
    }
  },
} satisfies Rule;
