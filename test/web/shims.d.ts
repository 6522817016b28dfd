// The npm `process` package's browser file (injected into the web test bundle).
declare module 'process/browser.js' {
  const process: object;
  export default process;
}
