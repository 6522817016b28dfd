// Parses one entry (an H3 heading and the lines up to the next heading) into a DigestEntry, line by line.
import { arxivIdFromUrl } from './arxiv';
import { parseAuthors } from './authors';
import { parseSingleLink, inlineToPlainText } from './inline';
import { isBlank, lineRange, linesOf, position, spanRange, trimEndBlanks, trimStartBlanks, type Line } from './text';
import type {
  AuthorsField,
  DigestEntry,
  FieldOccurrence,
  LabelStyle,
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
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const COMMENT_LINE = /^[ \t]*<!--.*-->[ \t]*$/;

/** `***Label***:` and `**Label**:`; anything else that opens with stars and ends in `:` is a malformed label. */
const LABEL_BOLD_ITALIC = /^\*\*\*([^*\n]+?)\*\*\*[ \t]*:/;
const LABEL_BOLD = /^\*\*([^*\n]+?)\*\*[ \t]*:/;
const LABEL_MALFORMED = /^\*{1,3}([^*\n:]{1,80}?)(?:\*{1,3}[ \t]*:|:[ \t]*\*{1,3})/;

interface LabelMatch {
  readonly label: string | null;
  readonly style: LabelStyle;
  readonly length: number;
}

export function matchLabel(content: string): LabelMatch {
  const bi = LABEL_BOLD_ITALIC.exec(content);
  if (bi) return { label: bi[1].trim(), style: 'bold-italic', length: bi[0].length };
  const b = LABEL_BOLD.exec(content);
  if (b) return { label: b[1].trim(), style: 'bold', length: b[0].length };
  const bad = LABEL_MALFORMED.exec(content);
  if (bad) return { label: bad[1].trim(), style: 'malformed', length: bad[0].length };
  return { label: null, style: 'none', length: 0 };
}

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
  let fence: string | null = null;
  let pendingVideo: { line: Line; url: string; urlStart: number; broken: boolean } | null = null;

  const closeSection = () => {
    if (!open) return;
    const range = spanRange(open.first, open.last);
    const textStart = position(open.first.line, open.textStart, open.first.start);
    sections.push({
      label: open.label.label,
      labelStyle: open.label.style,
      labelRange: open.label.label === null ? null : lineRange(open.first, open.labelStart, open.labelStart + open.label.length),
      text: text.slice(textStart.offset, range.end.offset).replace(/\r\n/g, '\n').trim(),
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
    if (fence !== null || FENCE.test(t)) {
      // A code block is content: part of the open bullet, or something we cannot interpret.
      if (fence === null) fence = FENCE.exec(t)![1];
      else if (t.trim().startsWith(fence)) fence = null;
      if (open) open.last = l;
      else unrecognized.push({ text: t, range: lineRange(l) });
      continue;
    }
    const tag = VIDEO_TAG.exec(t);
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
    if ((m = IMAGE.exec(t))) {
      closeSection();
      const urlStart = t.indexOf(m[1], t.indexOf(']('));
      addMedia({ kind: 'image', form: 'image', url: m[1], range: lineRange(l), urlRange: lineRange(l, urlStart, urlStart + m[1].length) });
    } else if ((m = VIDEO_LINK.exec(t)) || (m = VIDEO_BROKEN_LINK.exec(t))) {
      closeSection();
      pendingVideo = { line: l, url: m[1], urlStart: t.indexOf(m[1], 12), broken: !t.startsWith('[Watch Video](') };
    } else if (tag) {
      closeSection();
      const urlStart = t.indexOf(tag[2], t.indexOf('src=') + 5);
      addMedia({ kind: 'video', form: 'video-tag', url: tag[2], range: lineRange(l), urlRange: lineRange(l, urlStart, urlStart + tag[2].length) });
    } else if (t.startsWith('Vote:')) {
      closeSection();
      const raw = fieldValue(t, 5);
      const valueStart = raw === '' ? t.length : t.indexOf(raw, 5);
      const value = /^\d+$/.test(raw) ? Number(raw) : null;
      const field: VoteField = { raw, value, range: lineRange(l), valueRange: lineRange(l, valueStart, valueStart + raw.length) };
      vote ??= field;
      fields.push({ kind: 'vote', range: field.range });
    } else if (t.startsWith('Authors:')) {
      closeSection();
      const raw = fieldValue(t, 8);
      const valueStart = raw === '' ? t.length : t.indexOf(raw, 8);
      const parsed = parseAuthors(raw);
      const field: AuthorsField = { raw, ...parsed, range: lineRange(l), valueRange: lineRange(l, valueStart, valueStart + raw.length) };
      authors ??= field;
      fields.push({ kind: 'authors', range: field.range });
    } else if ((m = BULLET.exec(t))) {
      closeSection();
      const contentStart = m[0].length;
      const label = matchLabel(t.slice(contentStart));
      const afterLabel = contentStart + label.length;
      const textStart = afterLabel + (t.slice(afterLabel).length - t.slice(afterLabel).trimStart().length);
      open = { first: l, last: l, label, labelStart: contentStart, textStart };
    } else if (COMMENT_LINE.test(t)) {
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
