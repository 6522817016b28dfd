// Offset → line/character for whole-text scans; built once per document and kept with it.
import { firstIndexWhere } from '../sorted';
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
  // The last line starting at or before the offset (the first line for an offset before the text).
  const line = Math.max(0, firstIndexWhere(starts.length, (i) => starts[i] > offset) - 1);
  return { line, character: offset - starts[line], offset };
}
