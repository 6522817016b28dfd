// Shared by the label rules: how a label is written in a given style.
import type { LabelStyle } from '../../types';

export function labelMarkup(label: string, style: LabelStyle): string {
  const stars = style === 'bold' ? '**' : '***';
  return `${stars}${label}${stars}:`;
}

/** The style a fix should write: the document's majority, bold-italic when it has no labels. */
export function preferredStyle(style: LabelStyle): 'bold' | 'bold-italic' {
  return style === 'bold' ? 'bold' : 'bold-italic';
}
