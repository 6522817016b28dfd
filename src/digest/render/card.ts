// One digest entry as a card: thumbnail box, title linked to arXiv, votes badge, authors, labelled summary.
import { arxivAbsUrl, baseArxivId } from '../arxiv';
import { entryIdBase } from '../outline';
import type { DigestEntry, MediaField, SummarySection } from '../types';
import { domId, escapeHtml, format, HTTP, HTTPS, safeUrl } from './html';
import { allowedImageUrl, type RemoteImages } from './images';
import { inlineMarkdownToHtml, markdownToHtml } from './markdown';
import { DEFAULT_RENDER_OPTIONS, type RenderedCard, type RenderOptions, type RenderStrings } from './types';

export interface EntryRenderOptions extends Partial<RenderOptions> {
  /** The outline's id for the entry; defaults to the id `buildOutline` gives a first occurrence. */
  readonly id?: string;
}

/** Renders one entry. The HTML holds no line numbers, so an edit above the entry leaves it unchanged. */
export function renderEntry(entry: DigestEntry, options: EntryRenderOptions = {}): RenderedCard {
  const id = options.id ?? entryIdBase(entry);
  const html = entryHtml(entry, id, { ...DEFAULT_RENDER_OPTIONS, ...stripUndefined(options) });
  return { id, html, line: entry.range.start.line, endLine: entry.range.end.line };
}

function stripUndefined(o: EntryRenderOptions): Partial<RenderOptions> {
  const out: { -readonly [K in keyof RenderOptions]?: RenderOptions[K] } = {};
  if (o.maxAuthors !== undefined) out.maxAuthors = o.maxAuthors;
  if (o.strings !== undefined) out.strings = o.strings;
  if (o.remoteImages !== undefined) out.remoteImages = o.remoteImages;
  return out;
}

/** The text the preview's filter searches: title, arXiv ID and author names, lower-cased. */
export function searchText(entry: DigestEntry): string {
  return [entry.title, entry.arxivId ?? '', ...(entry.authors?.names ?? [])].join('\n').toLowerCase();
}

export function entryHtml(entry: DigestEntry, id: string, options: RenderOptions): string {
  const s = options.strings;
  const dom = domId(id);
  const votes = entry.vote?.value;
  const attrs = [
    `class="card"`,
    `id="${dom}"`,
    `data-id="${escapeHtml(id)}"`,
    `data-votes="${votes ?? -1}"`,
    `data-search="${escapeHtml(searchText(entry))}"`,
    `tabindex="0"`,
    `aria-labelledby="${dom}-t"`,
  ];
  return (
    `<article ${attrs.join(' ')}>` +
    mediaHtml(entry, s, options.remoteImages) +
    `<div class="card-body">` +
    titleHtml(entry, `${dom}-t`, s) +
    metaHtml(entry, s) +
    authorsHtml(entry, options.maxAuthors, s) +
    summaryHtml(entry.sections, s, options.remoteImages) +
    `</div></article>`
  );
}

function mediaHtml(entry: DigestEntry, s: RenderStrings, images: RemoteImages): string {
  const media: MediaField | undefined = entry.media[0];
  // Videos load only on play (preload="none"); images follow the remote-images policy.
  const url = media?.kind === 'image' ? allowedImageUrl(media.url, images) : safeUrl(media?.url, HTTPS);
  const title = escapeHtml(entry.title);
  const label = escapeHtml(entry.arxivId ?? '');
  if (media?.kind === 'video' && url)
    return `<div class="thumb video" data-label="${label}"><video controls preload="none" muted playsinline src="${escapeHtml(url)}" aria-label="${escapeHtml(format(s.video, entry.title))}"></video></div>`;
  if (media?.kind === 'image' && url)
    return `<div class="thumb" data-label="${label}"><img src="${escapeHtml(url)}" alt="${title}" loading="lazy" decoding="async" referrerpolicy="no-referrer"></div>`;
  return `<div class="thumb placeholder" role="img" aria-label="${escapeHtml(s.noThumbnail)}"><span aria-hidden="true">${label}</span></div>`;
}

function titleHtml(entry: DigestEntry, domTitleId: string, s: RenderStrings): string {
  const text = inlineMarkdownToHtml(entry.titleIsLink ? entry.titleSource : entry.title);
  const href = entry.arxivId ? safeUrl(arxivAbsUrl(baseArxivId(entry.arxivId)), HTTPS) : safeUrl(entry.url, HTTP);
  const label = entry.arxivId ? ` title="${escapeHtml(format(s.openOnArxiv, baseArxivId(entry.arxivId)))}"` : '';
  const inner = href ? `<a href="${escapeHtml(href)}"${label}>${text}</a>` : text;
  return `<h3 class="title" id="${domTitleId}">${inner}</h3>`;
}

function metaHtml(entry: DigestEntry, s: RenderStrings): string {
  const parts: string[] = [];
  if (entry.vote) {
    const value = entry.vote.value;
    const label = value === null ? s.votesUnknown : format(s.votes, value);
    parts.push(`<span class="badge votes" title="${escapeHtml(label)}"><span aria-hidden="true">▲ ${value ?? '–'}</span><span class="sr-only">${escapeHtml(label)}</span></span>`);
  }
  if (entry.arxivId) parts.push(`<span class="badge arxiv-id">${escapeHtml(entry.arxivId)}</span>`);
  return parts.length ? `<p class="meta">${parts.join(' ')}</p>` : '';
}

function authorsHtml(entry: DigestEntry, max: number, s: RenderStrings): string {
  const names = entry.authors?.names ?? [];
  if (names.length === 0) return '';
  const shown = names.length > max + 1 ? max : names.length;
  const head = names.slice(0, shown).map(escapeHtml).join(', ');
  const rest = names.slice(shown);
  // The digest's list left authors out (its `+`): the list ends with an ellipsis.
  const omitted = entry.authors?.omitted ? ', …' : '';
  const more = rest.length
    ? `<details class="more-authors"><summary>${escapeHtml(format(s.moreAuthors, rest.length))}</summary>, ${rest.map(escapeHtml).join(', ')}${omitted}</details>`
    : omitted;
  return `<div class="authors"><span class="field-label">${escapeHtml(s.authors)}:</span> ${head}${more}</div>`;
}

function summaryHtml(sections: readonly SummarySection[], s: RenderStrings, images: RemoteImages): string {
  if (sections.length === 0) return '';
  let body = '';
  let free: string[] = [];
  const flushFree = () => {
    if (free.length) body += `<ul class="bullets">${free.map((h) => `<li>${h}</li>`).join('')}</ul>`;
    free = [];
  };
  for (const section of sections) {
    if (section.label === null) {
      free.push(markdownToHtml(section.text, images));
      continue;
    }
    flushFree();
    body += `<section class="section"><h4 class="label">${escapeHtml(section.label)}</h4>${markdownToHtml(section.text, images)}</section>`;
  }
  flushFree();
  return `<details class="summary" open><summary>${escapeHtml(s.summary)}</summary>${body}</details>`;
}
