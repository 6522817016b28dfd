// A `process` for the npm assert/util packages in the web test bundle (injected by esbuild for free references only:
// `globalThis.process` stays undefined, which is what web.test.ts checks).
export { default as process } from 'process/browser.js';
