import type { Plugin } from 'esbuild';
/** See webWorker.mjs. */
export declare const webWorker: Plugin;
export declare function webWorkerWith(npmPorts: string[]): Plugin;
