// Long work in the extension host goes in time slices, so that typing and the views never wait for it.

/** The longest a piece of background work may hold the extension host before yielding. */
export const SLICE_MS = 20;

// setTimeout, not setImmediate: the web extension host (a Web Worker) has no setImmediate.
export const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
