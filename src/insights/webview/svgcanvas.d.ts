// The part of svgcanvas (a maintained fork of canvas2svg, without types of its own) that the SVG export uses.
declare module 'svgcanvas' {
  /** A CanvasRenderingContext2D that builds an SVG document instead of drawing pixels. */
  export interface SvgContext extends CanvasRenderingContext2D {
    getSvg(): SVGSVGElement;
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
  export const Context: {
    new (options?: { width: number; height: number }): SvgContext;
    readonly prototype: SvgContext;
  };
}
