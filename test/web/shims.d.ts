// The npm `process` package's browser file (injected into the web test bundle).
declare module 'process/browser.js' {
  const process: object;
  export default process;
}

// Mocha's browser build: installs Mocha (and a page-oriented mocha) globally.
declare module 'mocha/mocha.js';
