// Parses one entry (an H3 heading and the lines up to the next heading) into a DigestEntry, line by line.
import { arxivIdFromUrl } from './arxiv';
import { parseAuthors } from './authors';
import { parseSingleLink, inlineToPlainText } from './inline';
import { BlockTracker, fieldName, isCommentLine, matchLabel, type LabelMatch } from './lines';
import { isBlank, isWhitespace, lineRange, linesOf, position, spanRange, trimEndBlanks, trimStartBlanks, type Line } from './text';
import type {
  AuthorsField,
  DigestEntry,
  FieldOccurrence,
  MediaField,
  Range,
  SummarySection,
  UnrecognizedLine,
  VoteField,
} from './types';

const HEADING_START = /^\uFEFF? {0,3}###(?=[ \t]|$)/;
const IMAGE = /^!\[[^\]]*\]\([ \t]*<?([^\s)>]*)>?[ \t]*\)[ \t]*$/;
const VIDEO_LINK = /^\[Watch Video\]\([ \t]*([^\s)]*)[ \t]*\)[ \t]*$/;
const VIDEO_BROKEN_LINK = /^\[Watch Video\][ \t]*(\S+)[ \t]*$/;
const VIDEO_TAG = /^(?:<div>[ \t]*)?<video\b[^>]*?\bsrc=(["'])([^"']*)\1[^>]*>[ \t]*(?:<\/video>)?[ \t]*(?:<\/div>)?[ \t]*$/i;
const BULLET = /^ ?[-*+](?:[ \t]+|$)/;

interface OpenSection {
  readonly first: Line;
  last: Line;
  readonly label: LabelMatch;
  readonly labelStart: number;
  readonly textStart: number;
}

/** Parses the entry that occupies `text[start, end)` and starts on line `line`. Never throws. */
export function parseEntry(text: string, start: number, end: number, line: number): DigestEntry {
  const lines = linesOf(text, start, end, line);
  const headingLine = lines.next().value as Line;
  const heading = parseHeading(headingLine);

  const media: MediaField[] = [];
  const fields: FieldOccurrence[] = [];
  const sections: SummarySection[] = [];
  const unrecognized: UnrecognizedLine[] = [];
  let vote: VoteField | null = null;
  let authors: AuthorsField | null = null;
  let open: OpenSection | null = null;
  let lastNonBlank = headingLine;
  const blocks = new BlockTracker();
  let pendingVideo: { line: Line; url: string; urlStart: number; broken: boolean } | null = null;

  const closeSection = () => {
    if (!open) return;
    const range = spanRange(open.first, open.last);
    const textStart = position(open.first.line, open.textStart, open.first.start);
    sections.push({
      label: open.label.label,
      labelStyle: open.label.style,
      labelRange: open.label.label === null ? null : lineRange(open.first, open.labelStart, open.labelStart + open.label.length),
      text: withoutCarriageReturns(text.slice(textStart.offset, range.end.offset)).trim(),
      range,
      textStart,
    });
    fields.push({ kind: 'summary', range });
    open = null;
  };
  const flushVideo = () => {
    if (!pendingVideo) return;
    const { line: l, url, urlStart, broken } = pendingVideo;
    const form = broken ? 'video-broken-link' : 'video-link';
    addMedia({ kind: 'video', form, url, range: lineRange(l), urlRange: lineRange(l, urlStart, urlStart + url.length) });
    pendingVideo = null;
  };
  const addMedia = (m: MediaField) => {
    media.push(m);
    fields.push({ kind: 'media', range: m.range });
  };

  for (const l of lines) {
    const t = l.text;
    if (isBlank(t)) continue;
    lastNonBlank = l;
    const block = blocks.step(t);
    if (block) {
      // A comment is no content of any field or bullet; a code block is content: part of the open bullet,
      // or something we cannot interpret.
      if (block.kind === 'comment') continue;
      if (open) open.last = l;
      else unrecognized.push({ text: t, range: lineRange(l) });
      continue;
    }
    // The media patterns by the character they must start with: most lines are bullets, tried for nothing else.
    const first = t[0];
    const tag = first === '<' ? VIDEO_TAG.exec(t) : null;
    if (pendingVideo && tag && tag[2] === pendingVideo.url) {
      const { line: first, url, urlStart, broken } = pendingVideo;
      addMedia({
        kind: 'video',
        form: broken ? 'video-broken-link' : 'video-template',
        url,
        range: spanRange(first, l),
        urlRange: lineRange(first, urlStart, urlStart + url.length),
      });
      pendingVideo = null;
      continue;
    }
    flushVideo();
    let m: RegExpExecArray | null;
    const field = fieldName(t);
    if (first === '!' && (m = IMAGE.exec(t))) {
      closeSection();
      const urlStart = t.indexOf(m[1], t.indexOf(']('));
      addMedia({ kind: 'image', form: 'image', url: m[1], range: lineRange(l), urlRange: lineRange(l, urlStart, urlStart + m[1].length) });
    } else if (first === '[' && ((m = VIDEO_LINK.exec(t)) || (m = VIDEO_BROKEN_LINK.exec(t)))) {
      closeSection();
      pendingVideo = { line: l, url: m[1], urlStart: t.indexOf(m[1], 12), broken: !t.startsWith('[Watch Video](') };
    } else if (tag) {
      closeSection();
      const urlStart = t.indexOf(tag[2], t.indexOf('src=') + 5);
      addMedia({ kind: 'video', form: 'video-tag', url: tag[2], range: lineRange(l), urlRange: lineRange(l, urlStart, urlStart + tag[2].length) });
    } else if (field?.kind === 'vote') {
      closeSection();
      const raw = fieldValue(t, field.nameLength);
      const valueStart = raw === '' ? t.length : t.indexOf(raw, field.nameLength);
      const value = /^\d+$/.test(raw) ? Number(raw) : null;
      const parsed: VoteField = { raw, value, range: lineRange(l), valueRange: lineRange(l, valueStart, valueStart + raw.length) };
      vote ??= parsed;
      fields.push({ kind: 'vote', range: parsed.range });
    } else if (field?.kind === 'authors') {
      closeSection();
      const raw = fieldValue(t, field.nameLength);
      const valueStart = raw === '' ? t.length : t.indexOf(raw, field.nameLength);
      const parsed: AuthorsField = { raw, ...parseAuthors(raw), range: lineRange(l), valueRange: lineRange(l, valueStart, valueStart + raw.length) };
      authors ??= parsed;
      fields.push({ kind: 'authors', range: parsed.range });
    } else if ((m = BULLET.exec(t))) {
      closeSection();
      const contentStart = m[0].length;
      const label = matchLabel(t.slice(contentStart));
      let textStart = contentStart + label.length;
      while (textStart < t.length && isWhitespace(t[textStart])) textStart++;
      open = { first: l, last: l, label, labelStart: contentStart, textStart };
    } else if (isCommentLine(t)) {
      // An HTML comment (such as a suppression comment) is not content of any field or bullet.
    } else if (open) {
      open.last = l;
    } else {
      unrecognized.push({ text: t, range: lineRange(l) });
    }
  }
  flushVideo();
  closeSection();

  return {
    range: spanRange(headingLine, lastNonBlank),
    headingRange: lineRange(headingLine),
    ...heading,
    media,
    vote,
    authors,
    sections,
    fields,
    unrecognized,
  };
}

/** `\r\n` as `\n` (most digests have none: then no copy). */
const withoutCarriageReturns = (s: string) => (s.includes('\r') ? s.replace(/\r\n/g, '\n') : s);

/** The value after a field name, without the blanks around it (no regular expression: linear on any line). */
function fieldValue(line: string, nameLength: number): string {
  return trimStartBlanks(trimEndBlanks(line.slice(nameLength)));
}

/** The heading's text after `###`, without blanks and a closing `#` sequence; null if it is not an H3. */
function headingContent(line: string): { content: string; start: number } | null {
  const m = HEADING_START.exec(line);
  if (!m) return null;
  let end = trimEndBlanks(line).length;
  let hashes = end;
  while (hashes > m[0].length && line[hashes - 1] === '#') hashes--;
  // A closing sequence needs a blank before it; `C#` keeps its `#`.
  if (hashes < end && (hashes === m[0].length || line[hashes - 1] === ' ' || line[hashes - 1] === '\t')) end = trimEndBlanks(line.slice(0, hashes)).length;
  let start = m[0].length;
  while (start < end && (line[start] === ' ' || line[start] === '\t')) start++;
  return { content: line.slice(start, end), start };
}

type Heading = Pick<DigestEntry, 'title' | 'titleSource' | 'titleRange' | 'titleIsLink' | 'url' | 'urlRange' | 'arxivId'>;

function parseHeading(l: Line): Heading {
  const heading = headingContent(l.text);
  const content = heading?.content ?? '';
  const contentStart = heading ? heading.start : l.text.length;
  const link = content ? parseSingleLink(content) : null;
  if (!link) {
    const range: Range = lineRange(l, contentStart, contentStart + content.length);
    return { title: inlineToPlainText(content), titleSource: content, titleRange: range, titleIsLink: false, url: null, urlRange: null, arxivId: null };
  }
  const textStart = contentStart + link.textStart;
  const urlStart = contentStart + link.urlStart;
  return {
    title: link.plainText,
    titleSource: link.textSource,
    titleRange: lineRange(l, textStart, textStart + link.textSource.length),
    titleIsLink: true,
    url: link.url,
    urlRange: lineRange(l, urlStart, urlStart + link.urlLength),
    arxivId: arxivIdFromUrl(link.url),
  };
}
