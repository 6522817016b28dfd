// The VS Code webview API as this page uses it (the host injects `acquireVsCodeApi`; tests stand in for it).
import type { PageMessage } from '../protocol';

export interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** May be called once per page: keep the result. */
export const getVsCodeApi = (): VsCodeApi => acquireVsCodeApi();
