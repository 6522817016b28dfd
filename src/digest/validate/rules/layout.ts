// Whatever Format Document would change and no other rule reports (blank lines, the file's end), so that lint and
// the formatter agree: a file lint calls clean is left as it is, and each place the formatter changes is shown.
// Checked span by span (an entry and what follows it, see formatSpans): a keystroke re-checks the spans it touched.
import { revisionOf, untouchedEntries } from '../../document';
import { dayEntries, entrySpan, formatParams, headSpan, joinSpans, type FormatParams, type FormatSpan } from '../../format';
import { BlockTracker, type OpaqueBlock } from '../../lines';
import { entryLineStart, entryStartLine, originalEntry } from '../../shift';
import { countBelow } from '../../sorted';
import type { DigestEntry, Position } from '../../types';
import { msg, type Message, type RuleContext, type Rule } from '../types';

/** Lines with their line breaks, so that joining them gives the text back. */
const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
const isBlankLine = (line: string) => line.trim() === '';

/** What other rules already report (trailing blanks, label markup): not this rule's to show again. */
const normalise = (line: string) => {
  const lineBreak = /\r?\n$/.exec(line)?.[0] ?? '';
  const content = line.slice(0, line.length - lineBreak.length).replace(/[ \t]+$/, '');
  return content.replace(/^(\s*[-*+] )\*{1,3}([^*\n]+?)\*{1,3}[ \t]*:/, '$1$2:') + lineBreak;
};

/** A place where the formatter changes a span: `[start, end)` in its source, `[newStart, newEnd)` in its result. */
interface Hunk {
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

/** One problem of a span, with positions relative to the span's start (line 0, offset 0). */
interface SpanProblem {
  readonly start: Position;
  readonly end: Position;
  readonly newText: string;
  readonly message: Message;
}

function messageOf(old: string[], next: string[]): Message {
  return old.every(isBlankLine) && next.every(isBlankLine) && old.length > next.length
    ? msg`Unexpected blank lines, expected one blank line between blocks and at most one at the end of the file`
    : old.every(isBlankLine) && next.every(isBlankLine)
      ? msg`Unexpected missing blank line or line break, expected the generator's layout (Format Document writes it)`
      : msg`Unexpected layout, expected the generator's layout (Format Document writes it)`;
}

/** The position of `offset` in `text`, counting lines from its start. */
function relativePosition(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, character: offset - lineStart, offset };
}

/**
 * The places where `formatted` differs from `source`, one problem per group (`groupOf` an offset). The formatter
 * keeps every non-blank line, in order: pair them up and compare the blank runs between them (linear, unlike a
 * general diff, on any input).
 */
function spanProblems(source: string, formatted: string, groupOf: (offset: number) => number): SpanProblem[] {
  if (source === formatted) return [];
  const found: SpanProblem[] = [];
  const report = (hunk: Hunk) => {
    found.push({
      start: relativePosition(source, hunk.start),
      end: relativePosition(source, hunk.end),
      newText: formatted.slice(hunk.newStart, hunk.newEnd),
      message: messageOf(linesOf(source.slice(hunk.start, hunk.end)), linesOf(formatted.slice(hunk.newStart, hunk.newEnd))),
    });
  };
  const old = linesOf(source);
  const next = linesOf(formatted);
  let open: (Hunk & { group: number }) | null = null;
  const place = (start: number, end: number, newStart: number, newEnd: number) => {
    const group = groupOf(start);
    if (open && open.group === group) Object.assign(open, { end, newEnd });
    else {
      if (open) report(open);
      open = { start, end, newStart, newEnd, group };
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
      // Only the span's end can differ here; anything else means the pairing failed: show the rest as one place.
      if (i < old.length || j < next.length) place(offset, source.length, newOffset, formatted.length);
      break;
    }
    if (old[i] !== next[j] && normalise(old[i]) !== normalise(next[j])) place(offset, offset + old[i].length, newOffset, newOffset + next[j].length);
    offset += old[i].length;
    newOffset += next[j].length;
    i++;
    j++;
  }
  if (open) report(open);
  return found;
}

/**
 * What a span's problems were computed from: the same formatted lines (arrays: formatSpans gives the same ones only
 * for the same entry and the same text after it) and the same EOL.
 */
interface SpanRecord {
  readonly entryLines: readonly string[];
  readonly restLines: readonly string[];
  readonly eol: string;
  readonly problems: readonly SpanProblem[];
}

/** Per day entry as parsed: the problems of the span it starts. */
const spanRecords = new WeakMap<DigestEntry, SpanRecord>();

/** A span in the middle (an entry and the text up to the next one): all its places are one problem. */
function middleSpanProblems(ctx: RuleContext, span: FormatSpan & { entry: DigestEntry }, params: FormatParams): readonly SpanProblem[] {
  const original = originalEntry(span.entry);
  const hit = spanRecords.get(original);
  if (hit && hit.entryLines === span.entryLines && hit.restLines === span.restLines && hit.eol === params.eol) return hit.problems;
  const problems = spanProblems(ctx.doc.text.slice(span.from, span.to), joinSpans(ctx.doc, params, [span]), () => 0);
  spanRecords.set(original, { entryLines: span.entryLines, restLines: span.restLines, eol: params.eol, problems });
  return problems;
}

/** What the rule found in a span, and the block its lines leave open (where the next span starts). */
interface SpanResult {
  /** Relative to the span's start. */
  readonly problems: readonly SpanProblem[];
  readonly openAfter: OpaqueBlock | null;
}

const CLEAN: SpanResult = { problems: [], openAfter: null };

/** What the rule found in one version of a document: the next version redoes only the spans its edit touched. */
interface LayoutState {
  readonly revisionId: number;
  readonly params: FormatParams;
  /** The day entries, each starting a span. */
  readonly entries: readonly DigestEntry[];
  /** The span before the first day entry. */
  readonly head: SpanResult;
  /** Per day entry, its span. */
  readonly spans: readonly SpanResult[];
}

/** Per lineage of versions (see Revision): the state of the last version checked. */
const states = new WeakMap<object, LayoutState>();

const sameParams = (a: FormatParams, b: FormatParams) => a.style === b.style && a.compact === b.compact && a.eol === b.eol;

/** The problems of every span of the document, from the spans the edit since `previous` touched and `previous` for the rest. */
function layoutState(ctx: RuleContext, params: FormatParams, previous: LayoutState | undefined): LayoutState {
  const doc = ctx.doc;
  const revision = revisionOf(doc);
  // The same version checked again (by another view of the same document).
  if (previous?.revisionId === revision.id && sameParams(previous.params, params)) return previous;
  const entries = dayEntries(doc);
  const n = entries.length;
  const edit = previous && sameParams(previous.params, params) ? revision.since.find((s) => s.id === previous.revisionId)?.edit : undefined;
  // A span is an entry and what follows it up to the next: unchanged when both are.
  const untouched = previous && edit && untouchedEntries(entries, previous.entries, edit);
  const reuse = untouched ? { head: untouched.before > 0, prefix: Math.max(0, untouched.before - 1), suffix: untouched.after } : { head: false, prefix: 0, suffix: n };

  // The first and the last span hold entries outside any day and the file's end: their places are grouped by entry.
  let entryStarts: number[] | undefined;
  const entryAt = (offset: number) => {
    entryStarts ??= doc.entries.map((e) => e.range.start.offset);
    return countBelow(entryStarts, (start) => start, offset + 1);
  };
  const blocks = new BlockTracker();
  const resultOf = (span: FormatSpan): SpanResult => {
    const problems =
      span.entry && !span.last
        ? middleSpanProblems(ctx, span as FormatSpan & { entry: DigestEntry }, params)
        : spanProblems(doc.text.slice(span.from, span.to), joinSpans(doc, params, [span]), (offset) => entryAt(span.from + offset));
    return problems.length === 0 && blocks.current === null ? CLEAN : { problems, openAfter: blocks.current };
  };

  const head = reuse.head ? previous!.head : resultOf(headSpan(doc, entries, blocks));
  let spans: SpanResult[] = previous ? previous.spans.slice(0, reuse.prefix) : [];
  blocks.resume(spans.length ? spans[spans.length - 1].openAfter : head.openAfter);
  let k = reuse.prefix;
  // The spans the edit touched, and after them any whose start an opened or closed block moved.
  const openBefore = (index: number) => {
    const j = index - n + previous!.entries.length;
    return (j === 0 ? previous!.head : previous!.spans[j - 1]).openAfter;
  };
  for (; k < n - 1; k++) {
    if (k >= reuse.suffix && blocks.current === openBefore(k)) break;
    spans.push(resultOf(entrySpan(doc, params, entries, k, blocks)));
  }
  if (k < n - 1) {
    const old = previous!.spans;
    spans = spans.concat(old.slice(k - n + old.length, old.length - 1));
    blocks.resume(old[old.length - 2].openAfter);
  }
  // The last span (with the file's end) each time.
  if (n > 0) spans.push(resultOf(entrySpan(doc, params, entries, n - 1, blocks)));
  return { revisionId: revision.id, params, entries, head, spans };
}

export default {
  meta: { id: 'layout', name: 'Layout', severity: 'hint', fixable: true, ko: 'Format Document이 바꿀 배치' },
  check(ctx) {
    const labelStyle = ctx.style.labelStyle === 'bold' || ctx.style.labelStyle === 'bold-italic' ? ctx.style.labelStyle : undefined;
    const params = formatParams(ctx.doc, { labelStyle });
    const lineage = revisionOf(ctx.doc).lineage;
    const state = layoutState(ctx, params, states.get(lineage));
    states.set(lineage, state);

    const report = (result: SpanResult, startLine: number, from: number) => {
      for (const p of result.problems) {
        const at = (q: Position): Position => ({ line: startLine + q.line, character: q.character, offset: from + q.offset });
        const range = { start: at(p.start), end: at(p.end) };
        ctx.report(range, p.message, { title: 'Format this place as Format Document does', edits: [{ range, newText: p.newText }] });
      }
    };
    report(state.head, 0, 0);
    state.spans.forEach((result, k) => {
      if (result.problems.length) report(result, entryStartLine(state.entries[k]), entryLineStart(state.entries[k]));
    });
  },
} satisfies Rule;
