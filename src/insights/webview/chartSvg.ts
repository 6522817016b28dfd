// A chart as an SVG file: uPlot draws it once more, off screen, into svgcanvas's 2D context, which builds SVG
// elements (paths, text) from the canvas calls instead of pixels. uPlot has no SVG renderer of its own
// (docs/insights.md says why these two libraries).
import { applyPath2DToCanvasRenderingContext, Path2D as RecordedPath2D } from 'path2d';
import { Context as SvgContext } from 'svgcanvas';
import uPlot from 'uplot';

// uPlot builds its lines, bars and clips as Path2D objects and hands them to fill/stroke/clip; a browser's Path2D
// keeps its commands to itself and svgcanvas draws only the current path. path2d's Path2D records the commands,
// and its fill/stroke/clip replay them into the context.
applyPath2DToCanvasRenderingContext(SvgContext);

/** The chart uPlot draws for `options` and `data`, as an SVG document (`width` × `height` CSS pixels). */
export function chartSvg(options: uPlot.Options, data: uPlot.AlignedData): string {
  const ratio = uPlot.pxRatio;
  // The size of uPlot's canvas in device pixels, so its clearRect of the whole canvas clears, not paints white.
  const width = Math.round(options.width * ratio);
  const height = Math.round(options.height * ratio);
  const svg = new SvgContext({ width, height });
  // uPlot takes its context from the canvas it creates and its paths from the global Path2D: both are swapped for
  // the one synchronous draw (`batch` draws at once instead of in a microtask) and put back before anything else runs.
  const canvasContext = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'getContext')!;
  const nativePath2D = globalThis.Path2D;
  let plot: uPlot | undefined;
  try {
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { ...canvasContext, value: () => svg });
    globalThis.Path2D = RecordedPath2D as unknown as typeof Path2D;
    plot = new uPlot({ ...options, legend: { show: false }, cursor: { show: false } }, data, (u, init) => u.batch(init));
  } finally {
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', canvasContext);
    globalThis.Path2D = nativePath2D;
    plot?.destroy();
  }
  const root = svg.getSvg();
  // svgcanvas writes its underline option into every text, set or not: `text-decoration="undefined"` is no CSS value.
  for (const text of root.querySelectorAll('text[text-decoration="undefined"]')) text.removeAttribute('text-decoration');
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('width', String(options.width));
  root.setAttribute('height', String(options.height));
  return svg.getSerializedSvg();
}
