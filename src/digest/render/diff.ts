// What changed between two renders of a digest: the cards whose HTML differs, and the layout if it moved.
import type { DigestPatch, RenderedCard, RenderedDay, RenderedDigest } from './types';

function sameDay(a: RenderedDay, b: RenderedDay): boolean {
  if (a.id !== b.id || a.html !== b.html || a.line !== b.line || a.endLine !== b.endLine || a.entries.length !== b.entries.length) return false;
  for (let i = 0; i < a.entries.length; i++) {
    const x = a.entries[i];
    const y = b.entries[i];
    // The same place object when the card did not move (see CardCache).
    if (x !== y && (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2])) return false;
  }
  return true;
}

export function sameLayout(a: readonly RenderedDay[], b: readonly RenderedDay[]): boolean {
  return a.length === b.length && a.every((day, i) => sameDay(day, b[i]));
}

/**
 * The patch that turns `previous` into `next` (everything when there is no previous). Unchanged cards share
 * their cached HTML string, so the comparison is mostly a pointer check.
 */
export function diffDigests(previous: RenderedDigest | undefined, next: RenderedDigest): DigestPatch {
  const cards: { id: string; html: string }[] = [];
  const compare = (card: RenderedCard, before: RenderedCard | undefined) => {
    if (before !== card && before?.html !== card.html) cards.push({ id: card.id, html: card.html });
  };
  // The same layout is the same ids in the same order: cards are compared place by place (the same object while
  // unchanged, see CardCache), no map built.
  if (previous && sameLayout(previous.days, next.days)) {
    next.cards.forEach((card, i) => compare(card, previous.cards[i]));
    return { cards };
  }
  const before = new Map(previous?.cards.map((c) => [c.id, c]));
  for (const card of next.cards) compare(card, before.get(card.id));
  return { cards, days: next.days };
}
