// The VS Code webview API as the dashboard uses it (the host injects `acquireVsCodeApi`; tests stand in for it).
import type { InsightsPageMessage, InsightsPageState } from '../protocol';

export interface InsightsApi {
  postMessage(message: InsightsPageMessage): void;
  /** Kept by VS Code for the panel serializer: the range survives a window reload. */
  setState(state: InsightsPageState): void;
}

declare function acquireVsCodeApi(): InsightsApi;

/** May be called once per page: keep the result. */
export const getVsCodeApi = (): InsightsApi => acquireVsCodeApi();
