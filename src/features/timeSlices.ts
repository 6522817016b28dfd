// Long work in the extension host goes in time slices, so that typing and the views never wait for it.

/**
 * The longest a piece of background work may hold the extension host before yielding. A slice can follow right after
 * something else held the host (the yield's timer is served first when both are due), so a block is that plus one
 * slice: with 20 ms slices the Insights' first open on 5,000 digests blocked the host 69-77 ms, with 10 ms 33-57 ms.
 */
export const SLICE_MS = 10;

// setTimeout, not setImmediate: the web extension host (a Web Worker) has no setImmediate.
export const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
