// Builds the hover card's Markdown for one paper: digest facts, workspace appearances, cached metadata and links.
// Pure: the adapter wraps the result in a vscode.MarkdownString trusted for `enabledCommands` only.
import { arxivAbsUrl, arxivPdfUrl, baseArxivId, huggingFacePaperUrl } from '../digest/arxiv';
import { inlineToPlainText } from '../digest/inline';
import { allowedImageUrl, type RemoteImages } from '../digest/render/images';
import type { DigestEntry } from '../digest/types';
import type { PaperMetadata } from './types';

/** The same shape as the paper commands' argument (`{uri, line}` of an entry heading). */
export interface EntryRef {
  readonly uri: string;
  readonly line: number;
}

/** What the digest says about the paper (from the entry, or from the workspace index for other files). */
export interface CardPaper {
  readonly id: string;
  readonly title: string | undefined;
  readonly authors: readonly string[];
  readonly votes: number | null;
  readonly thumbnail: string | undefined;
  readonly sections: readonly { readonly label: string | null; readonly text: string }[];
}

export interface CardAppearance {
  readonly date: string | null;
  readonly ref: EntryRef;
}

export interface CardOptions {
  readonly maxAuthors: number;
  readonly showThumbnail: boolean;
  readonly thumbnailWidth: number;
  /** Characters of the first summary section (the card's only one); 0 hides the summary. */
  readonly summaryLength: number;
  /** Characters of the arXiv abstract, shown only when the digest has no summary; 0 hides it. */
  readonly abstractLength: number;
  readonly maxAppearances: number;
  /** Which remote images the card may show (`dailyPapers.preview.remoteImages`). */
  readonly remoteImages: RemoteImages;
}

/** Sized so that a typical entry's card fits VS Code's hover without a scroll bar. */
export const DEFAULT_CARD_OPTIONS: CardOptions = {
  maxAuthors: 5,
  showThumbnail: true,
  thumbnailWidth: 240,
  summaryLength: 240,
  abstractLength: 240,
  maxAppearances: 5,
  remoteImages: 'paperThumbnails',
};

/** Formats a user-visible string: `{0}`-style placeholders, as `vscode.l10n.t` does (which the adapter passes). */
export type Translate = (message: string, ...args: (string | number)[]) => string;

const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));

export interface CardInput {
  readonly paper: CardPaper;
  /** The entry the command links act on; without one, only web links are offered. */
  readonly entry: EntryRef | undefined;
  /** The entry the pointer is on, when the hovered text is one: its appearance reads "(this entry)". */
  readonly current?: EntryRef;
  /** Every place the paper appears in the workspace, in date order. */
  readonly appearances: readonly CardAppearance[];
  /** Undefined when online metadata is off. */
  readonly metadata: PaperMetadata | undefined;
  /** Commands that exist at hover time (`dailyPapers.showPreview` comes from another feature). */
  readonly availableCommands: ReadonlySet<string>;
  readonly options?: Partial<CardOptions>;
  readonly t?: Translate;
}

export interface HoverCard {
  readonly markdown: string;
  /** The only commands the card's links may run (for `MarkdownString.isTrusted`). */
  readonly enabledCommands: readonly string[];
}

/**
 * Backslash-escapes the characters that can start Markdown markup, an entity, an autolink (`:`, `@`) or a theme icon,
 * so digest and API text can never format, link or run anything.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()#+\-.!|<>~&:$@]/g, '\\$&');
}

/** A URL made safe as a Markdown link destination; only http(s). */
export function safeWebUrl(url: string, httpsOnly = false): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && (httpsOnly || parsed.protocol !== 'http:')) return undefined;
  return parsed.href.replace(/[()<>\s\\|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Shortens text at a word boundary near `max` characters, never splitting a surrogate pair. */
export function trimText(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  let cut = max;
  const space = s.lastIndexOf(' ', max);
  if (space > max * 0.6) cut = space;
  else if (/[\uDC00-\uDFFF]/.test(s[cut] ?? '')) cut--;
  return `${s.slice(0, cut).trimEnd()}…`;
}

export const commandLink = (command: string, args: unknown[]): string => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;

const link = (text: string, url: string) => `[${escapeMarkdown(text)}](${url})`;

const IMAGE = /\.(?:png|jpe?g|gif|webp|svg)$/i;

/** The card's paper facts from a digest entry: plain-text title, names, vote, image, and summary sections. */
export function paperFromEntry(entry: DigestEntry): CardPaper {
  const image = entry.media.find((m) => m.kind === 'image' && m.form === 'image');
  return {
    id: entry.arxivId ?? '',
    title: entry.title,
    authors: entry.authors?.names ?? [],
    votes: entry.vote?.value ?? null,
    thumbnail: image?.url,
    sections: entry.sections.map((s) => ({ label: s.label, text: inlineToPlainText(s.text.replace(/\s+/g, ' ')) })),
  };
}

export const SHOW_PREVIEW = 'dailyPapers.showPreview';
export const REVEAL_LINE = 'dailyPapers.revealLine';
export const COPY_BIBTEX = 'dailyPapers.copyBibtex';

/**
 * A compact card, one short block per fact, so a typical entry needs no scrolling: title, ID · votes · category,
 * authors (the first few, "+k more"), the days it appears on, the first summary section with "more…" to the
 * preview, a line of metadata, links.
 */
export function buildCard(input: CardInput): HoverCard {
  const t = input.t ?? english;
  const o = { ...DEFAULT_CARD_OPTIONS, ...input.options };
  const { paper, metadata } = input;
  const id = baseArxivId(paper.id);
  const arxiv = metadata?.arxiv.record;
  const hf = metadata?.huggingFace.record;
  const enabled = new Set<string>();
  const command = (name: string, args: unknown[]) => {
    enabled.add(name);
    return commandLink(name, args);
  };
  const preview = input.entry && input.availableCommands.has(SHOW_PREVIEW) ? command(SHOW_PREVIEW, [input.entry]) : undefined;
  const blocks: string[] = [];

  const title = paper.title || arxiv?.title || hf?.title || id;
  blocks.push(`**${link(title, arxivAbsUrl(id))}**`);

  const facts: string[] = [`arXiv:${escapeMarkdown(id)}`];
  if (paper.votes !== null) facts.push(t('▲ {0} votes', paper.votes));
  if (hf?.upvotes != null && hf.upvotes !== paper.votes) facts.push(t('{0} upvotes on Hugging Face', hf.upvotes));
  if (arxiv?.primaryCategory) facts.push(escapeMarkdown(arxiv.primaryCategory));
  blocks.push(facts.join(' · '));

  const authors = paper.authors.length > 0 ? paper.authors : (arxiv?.authors ?? []);
  if (authors.length > 0) {
    const shown = authors.slice(0, o.maxAuthors).map(escapeMarkdown).join(', ');
    const more = authors.length - o.maxAuthors;
    blocks.push(more > 0 ? t('{0} +{1} more', shown, more) : shown);
  }

  if (input.appearances.length > 0) {
    const days = input.appearances.slice(0, o.maxAppearances).map((a) => {
      const label = a.date ?? t('no date');
      const here = input.current && a.ref.uri === input.current.uri && a.ref.line === input.current.line;
      return here ? `${escapeMarkdown(label)} ${t('(this entry)')}` : link(label, command(REVEAL_LINE, [a.ref]));
    });
    const more = input.appearances.length - o.maxAppearances;
    if (more > 0) days.push(t('and {0} more', more));
    blocks.push(`${t('Appears on:')} ${days.join(' · ')}`);
  }

  const thumbnail = allowedImageUrl(paper.thumbnail, o.remoteImages);
  // Only images: older digests put videos (`.qt`, `.webm`) and avatars in `![]()`. A Markdown hover cannot swap a
  // failed image for a placeholder, so it shows one only when it will load: Hugging Face knows the paper and answered.
  if (o.showThumbnail && thumbnail && IMAGE.test(new URL(thumbnail).pathname) && huggingFaceReachable(metadata)) blocks.push(`![${escapeMarkdown(t('Thumbnail'))}](${thumbnail}|width=${o.thumbnailWidth})`);

  const first = paper.sections[0];
  if (o.summaryLength > 0 && first) {
    const text = escapeMarkdown(trimText(first.text, o.summaryLength));
    const more = preview && (paper.sections.length > 1 || text.endsWith('…')) ? ` ${link(t('more…'), preview)}` : '';
    blocks.push(`${first.label ? `**${escapeMarkdown(first.label)}**: ` : ''}${text}${more}`);
  }

  if (metadata) blocks.push(...metadataBlocks(metadata, o, t, first === undefined || o.summaryLength === 0));

  const links = [
    link(t('arXiv'), arxivAbsUrl(id)),
    link(t('PDF'), arxivPdfUrl(id)),
    link(t('Hugging Face'), huggingFacePaperUrl(id)),
  ];
  if (input.entry) {
    links.push(link(t('Copy BibTeX'), command(COPY_BIBTEX, [input.entry])));
    if (preview) links.push(link(t('Show in Preview'), preview));
  }
  blocks.push(links.join(' · '));

  return { markdown: blocks.join('\n\n'), enabledCommands: [...enabled] };
}

/** Hugging Face has the paper (so its thumbnail exists) and its last request did not fail (so we are online). */
const huggingFaceReachable = (m: PaperMetadata | undefined): boolean => m?.huggingFace.record !== undefined && m.huggingFace.unavailable === undefined;

/** The metadata in one line (abstract only when the digest has no summary to show), and a quiet status line. */
function metadataBlocks(m: PaperMetadata, o: CardOptions, t: Translate, withAbstract: boolean): string[] {
  const blocks: string[] = ['---'];
  const arxiv = m.arxiv.record;
  const hf = m.huggingFace.record;
  const facts: string[] = [];
  if (arxiv) {
    if (withAbstract && o.abstractLength > 0 && arxiv.abstract) blocks.push(`*${escapeMarkdown(t('Abstract'))}*: ${escapeMarkdown(trimText(arxiv.abstract, o.abstractLength))}`);
    // Dates are remote strings like any other: escaped, whatever they hold.
    const published = arxiv.published && escapeMarkdown(arxiv.published.slice(0, 10));
    const updated = arxiv.updated && escapeMarkdown(arxiv.updated.slice(0, 10));
    if (published) facts.push(t('Published {0}', published));
    if (updated && updated !== published) {
      facts.push(arxiv.version ? t('updated {0} (v{1})', updated, arxiv.version) : t('updated {0}', updated));
    }
    if (arxiv.journalRef) facts.push(escapeMarkdown(trimText(arxiv.journalRef, 60)));
    const doi = arxiv.doi && safeWebUrl(`https://doi.org/${arxiv.doi}`, true);
    if (doi) facts.push(`DOI ${link(arxiv.doi!, doi)}`);
  } else if (m.arxiv.missing) {
    facts.push(`*${escapeMarkdown(t('Not found on arXiv'))}*`);
  }
  if (hf) {
    const github = hf.githubRepo && safeWebUrl(hf.githubRepo);
    if (github) facts.push(link(hf.githubStars != null ? t('GitHub (★ {0})', hf.githubStars) : t('GitHub'), github));
    const project = hf.projectPage && safeWebUrl(hf.projectPage);
    if (project) facts.push(link(t('Project page'), project));
  }
  if (facts.length) blocks.push(facts.join(' · '));
  const status = statusLine(m, t);
  if (status) blocks.push(`*${escapeMarkdown(status)}*`);
  // Nothing but the rule: drop it.
  return blocks.length > 1 ? blocks : [];
}

/** One quiet line on what the metadata is: being fetched, unavailable, or an older copy. */
function statusLine(m: PaperMetadata, t: Translate): string | undefined {
  const sources = [m.arxiv, m.huggingFace];
  const known = sources.some((s) => s.record !== undefined || s.missing);
  const unavailable = sources.find((s) => s.unavailable && !s.pending)?.unavailable;
  if (!known && sources.some((s) => s.pending)) return t('Fetching metadata…');
  if (unavailable) {
    const reason = unavailable === 'offline' ? t('offline') : unavailable === 'rate-limited' ? t('rate-limited') : t('service error');
    const fetchedAt = Math.max(...sources.map((s) => s.fetchedAt ?? 0));
    return known && fetchedAt > 0
      ? t('Metadata unavailable ({0}); showing the copy from {1}', reason, new Date(fetchedAt).toISOString().slice(0, 10))
      : t('Metadata unavailable ({0})', reason);
  }
  return undefined;
}
