// arXiv identifiers and URLs: recognising them in links and text, and the URLs derived from an ID.

/** New-style `YYMM.NNNNN` (4 digits after the dot before 2015) or old-style `archive(.SC)/YYMMNNN`, optional `vN`. */
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(v\d+)?$/;
const OLD_STYLE = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}(v\d+)?$/;

/** The path after `/abs/` or `/pdf/` of an arxiv.org URL (no `.pdf`), whether or not it is a valid ID. */
const ARXIV_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/i;

/** A Hugging Face paper page, `https://huggingface.co/papers/ID` (early README versions link titles there). */
const HUGGING_FACE_PAPER_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/([^/?#\s]+)\/?(?:[?#]\S*)?$/i;

/** The arXiv ID in an arxiv.org abs/pdf URL or a Hugging Face paper page URL (whether or not it is valid), or null. */
export function arxivIdFromUrl(url: string): string | null {
  const m = ARXIV_URL.exec(url.trim()) ?? HUGGING_FACE_PAPER_URL.exec(url.trim());
  return m ? m[1] : null;
}

export function isHuggingFacePaperUrl(url: string): boolean {
  return HUGGING_FACE_PAPER_URL.test(url.trim());
}

export function isArxivUrl(url: string): boolean {
  return ARXIV_URL.test(url.trim());
}

/** True for a well-formed arXiv ID (month 01–12; five digits after the dot from 1501 on). */
export function isValidArxivId(id: string): boolean {
  const m = NEW_STYLE.exec(id);
  if (m) {
    const yymm = Number(m[1] + m[2]);
    const month = Number(m[2]);
    return month >= 1 && month <= 12 && yymm >= 704 && (yymm >= 1501 ? m[3].length === 5 : m[3].length === 4);
  }
  const o = OLD_STYLE.exec(id);
  return o !== null && Number(o[2]) >= 1 && Number(o[2]) <= 12;
}

/** The ID without its version suffix: the key under which the same paper is recognised. */
export function baseArxivId(id: string): string {
  // Most IDs have no version: no regex for them (validation asks for every entry on each keystroke).
  return id.includes('v') ? id.replace(/v\d+$/, '') : id;
}

/** Months of IDs seen, since validation asks for every entry's on each keystroke; bounded, cleared when full. */
const months = new Map<string, string | null>();
const MONTHS_KEPT = 50_000;

/** The (year, month) an ID was issued in, as `YYYY-MM`, or null for a malformed ID. */
export function arxivIdMonth(id: string): string | null {
  let month = months.get(id);
  if (month !== undefined) return month;
  const m = NEW_STYLE.exec(id) ?? OLD_STYLE.exec(id);
  // Both patterns capture the two-digit year, then the month.
  month = m ? `${Number(m[1]) >= 91 ? 1900 + Number(m[1]) : 2000 + Number(m[1])}-${m[2]}` : null;
  if (months.size >= MONTHS_KEPT) months.clear();
  months.set(id, month);
  return month;
}

export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;
export const huggingFacePaperUrl = (id: string): string => `https://huggingface.co/papers/${baseArxivId(id)}`;
export const thumbnailUrl = (id: string): string =>
  `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${baseArxivId(id)}.png`;
