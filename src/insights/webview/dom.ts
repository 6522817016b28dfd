// Small DOM builders: every piece of digest text goes in as a text node, never as markup.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A table with a header row; cells are text. */
export function table(caption: string, columns: readonly string[], rows: readonly (readonly (string | number)[])[]): HTMLTableElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((v) => el('td', typeof v === 'number' ? { class: 'num' } : {}, String(v)))))),
  );
}

/** `{0}`, `{1}`, … replaced by the values. */
export const format = (template: string, ...values: (string | number)[]) => template.replace(/\{(\d+)\}/g, (m, i: string) => (values[+i] === undefined ? m : String(values[+i])));
