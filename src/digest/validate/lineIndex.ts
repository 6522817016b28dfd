// Offset → line/character for whole-text scans; built once per document and kept with it.
import type { DigestDocument, Position } from '../types';

const indexes = new WeakMap<DigestDocument, number[]>();

function lineStarts(doc: DigestDocument): number[] {
  let starts = indexes.get(doc);
  if (!starts) {
    starts = [0];
    for (let i = doc.text.indexOf('\n'); i !== -1; i = doc.text.indexOf('\n', i + 1)) starts.push(i + 1);
    indexes.set(doc, starts);
  }
  return starts;
}

export function positionAt(doc: DigestDocument, offset: number): Position {
  const starts = lineStarts(doc);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo], offset };
}
