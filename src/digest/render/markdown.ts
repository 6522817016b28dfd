// Markdown pieces of an entry (summary text, titles) to safe HTML: remark → rehype → sanitizer → string.
import type { Element, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Parent as MdastParent, Root as MdastRoot } from 'mdast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { allowedImageUrl, type RemoteImages } from './images';

/**
 * What summaries may contain after sanitizing. Far narrower than GitHub's default: no ids (nothing to clobber),
 * no classes or styles, links only to http(s)/mailto, images only from https (the preview's CSP agrees).
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  tagNames: ['p', 'a', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'br', 'del', 'blockquote', 'img', 'hr'],
  attributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], ol: ['start'] },
  // Images are checked again by `allowedImageUrl` after sanitizing: a protocol-relative `//host/x` has no protocol here.
  protocols: { href: ['http', 'https', 'mailto'], src: ['https'] },
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript', 'textarea', 'title'],
  required: {},
  ancestors: {},
  allowComments: false,
  allowDoctypes: false,
};

const FLOW_PARENTS = new Set(['root', 'listItem', 'blockquote']);

/**
 * Raw HTML is never rendered: an mdast `html` node becomes the text it was written as, so `<EOS>` and `<think>`
 * stay visible instead of being swallowed (or, worse, executed).
 */
export function htmlNodesToText(node: MdastNodes): void {
  if (!('children' in node)) return;
  const parent = node as MdastParent;
  parent.children = parent.children.map((child) => {
    if (child.type !== 'html') {
      htmlNodesToText(child);
      return child;
    }
    const text = { type: 'text' as const, value: child.value, position: child.position };
    return FLOW_PARENTS.has(parent.type) ? { type: 'paragraph' as const, children: [text], position: child.position } : text;
  }) as typeof parent.children;
}

/** Replaces links by their content: a title is itself inside the arXiv link, and links do not nest. */
function unwrapLinks(node: MdastNodes): void {
  if (!('children' in node)) return;
  const parent = node as MdastParent;
  parent.children = parent.children.flatMap((child): MdastNodes[] => {
    unwrapLinks(child);
    return child.type === 'link' || child.type === 'linkReference' ? child.children : [child];
  }) as typeof parent.children;
}

/**
 * Inline images load only when scrolled to and send no referrer; one whose source the sanitizer removed
 * (`javascript:`, `data:`, `http:`) or the remote-images policy forbids shows its alt text instead.
 */
function lazyImages(node: HastRoot | Element, policy: RemoteImages): void {
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName !== 'img') {
      lazyImages(child, policy);
      return child;
    }
    const src = typeof child.properties.src === 'string' ? allowedImageUrl(child.properties.src, policy) : null;
    if (src === null) return { type: 'text', value: String(child.properties.alt ?? '') };
    Object.assign(child.properties, { src, loading: 'lazy', referrerPolicy: 'no-referrer' });
    return child;
  });
}

const parser = unified().use(remarkParse);
const toHtml = unified().use(remarkRehype).use(rehypeSanitize, SANITIZE_SCHEMA).use(rehypeStringify);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Text that reads the same as Markdown and as plain text: no markup characters, one line, no block syntax at its
 * start. Most Korean summaries are like this; they skip the parser (same output, proven by the unit tests), and
 * since they hold no `&`, `<` or `>` they need no escaping either.
 */
const MARKUP = /[\\`*_<>&[\]!~\n\r\0]|^(?:[\s#>+\-=|]|\d{1,9}[.)])|\s$|^$/;

function run(markdown: string, inline: boolean, images: RemoteImages): string {
  try {
    const tree = parser.parse(markdown) as MdastRoot;
    htmlNodesToText(tree);
    if (inline) unwrapLinks(tree);
    const hast = toHtml.runSync(tree as never) as unknown as HastRoot;
    lazyImages(hast, images);
    const html = toHtml.stringify(hast as never) as string;
    return inline ? html.replace(/^<p>([\s\S]*)<\/p>$/, '$1') : html;
  } catch {
    return inline ? escapeHtml(markdown) : `<p>${escapeHtml(markdown)}</p>`;
  }
}

/** A summary bullet's text (may span lines and hold nested bullets) as block HTML: paragraphs, lists, code. */
export function markdownToHtml(markdown: string, images: RemoteImages = 'paperThumbnails'): string {
  if (!MARKUP.test(markdown)) return `<p>${markdown}</p>`;
  return run(markdown, false, images);
}

/** One line of inline Markdown (a title) as phrasing HTML, links unwrapped. */
export function inlineMarkdownToHtml(markdown: string, images: RemoteImages = 'paperThumbnails'): string {
  if (!MARKUP.test(markdown)) return markdown;
  return run(markdown, true, images);
}

/** The slow path alone, for the tests that prove the fast path equivalent. */
export const markdownToHtmlUncached = (markdown: string, inline = false, images: RemoteImages = 'paperThumbnails'): string => run(markdown, inline, images);
