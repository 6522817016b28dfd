// The esbuild plugin of the insights page's bundle (shared by scripts/build.mjs and the page tests' harness).
import { readFile } from 'node:fs/promises';

const STYLE_ATTRIBUTE = `el.setAttribute("style", 'font:' + this.font);`;
const CSSOM = 'el.style.font = this.font;';

/**
 * svgcanvas (the Canvas-2D-to-SVG context of the charts' SVG export) reads the font of each text by writing it into
 * a span's style attribute. The dashboard's CSP allows no inline style, so Chromium blocked and reported each one
 * and every label lost its font. Written through the CSSOM, which the CSP allows, the browser parses it the same way.
 * The one line is checked: a version of svgcanvas without it fails the build instead of drawing unfonted labels.
 */
export const svgcanvasCsp = {
  name: 'svgcanvas-csp',
  setup(build) {
    build.onLoad({ filter: /[\\/]svgcanvas[\\/]dist[\\/]svgcanvas\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.split(STYLE_ATTRIBUTE).length !== 2) throw new Error(`svgcanvas changed: ${args.path} does not set the font once as \`${STYLE_ATTRIBUTE}\` (scripts/svgcanvasCsp.mjs)`);
      return { contents: source.replace(STYLE_ATTRIBUTE, CSSOM), loader: 'js' };
    });
  },
};
