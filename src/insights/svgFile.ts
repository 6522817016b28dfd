// What the host accepts as a chart's SVG file from the dashboard's page: the drawing svgcanvas makes of uPlot's
// canvas calls and nothing else, so a file saved from the page can never carry a script or a link.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The elements svgcanvas writes for uPlot's paths, clips and texts. */
const DRAWING = new Set(['svg', 'defs', 'clipPath', 'g', 'path', 'rect', 'text']);

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false });

type Ordered = Record<string, unknown>;

/** Whether every element is a drawing element and no attribute is an event handler or a link. */
function isDrawing(nodes: unknown): boolean {
  if (!Array.isArray(nodes)) return false;
  return (nodes as Ordered[]).every((node) => {
    const attributes = Object.keys((node[':@'] as Ordered | undefined) ?? {});
    if (attributes.some((a) => /^on|href$/i.test(a))) return false;
    const [name] = Object.keys(node).filter((k) => k !== ':@');
    return name === '#text' || (DRAWING.has(name) && isDrawing(node[name]));
  });
}

/** The UTF-8 bytes of a chart's SVG, or undefined unless it is well-formed XML, one `<svg>`, and only a drawing. */
export function chartSvgBytes(svg: string): Uint8Array | undefined {
  if (XMLValidator.validate(svg) !== true) return undefined;
  const nodes: unknown = parser.parse(svg);
  const roots = Array.isArray(nodes) ? (nodes as Ordered[]) : [];
  if (roots.length !== 1 || !('svg' in roots[0]) || !isDrawing(roots)) return undefined;
  return new TextEncoder().encode(svg);
}
