import type { Plugin } from 'esbuild';
/** See svgcanvasCsp.mjs. */
export declare const svgcanvasCsp: Plugin;
