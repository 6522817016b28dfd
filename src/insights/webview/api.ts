// The VS Code webview API as the dashboard uses it (the host injects `acquireVsCodeApi`; tests stand in for it).
import type { InsightsPageMessage } from '../protocol';

export interface InsightsApi {
  postMessage(message: InsightsPageMessage): void;
}

declare function acquireVsCodeApi(): InsightsApi;

/** May be called once per page: keep the result. */
export const getVsCodeApi = (): InsightsApi => acquireVsCodeApi();
