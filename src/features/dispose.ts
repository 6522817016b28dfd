// A base for objects that own listeners and resources: each is registered once and all are disposed together,
// in reverse order (as vscode-markdown-languageservice's Disposable does).
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private ended = false;

  protected get isDisposed(): boolean {
    return this.ended;
  }

  /** Takes ownership of `value`; registering after disposal disposes it at once. */
  protected register<T extends vscode.Disposable>(value: T): T {
    if (this.ended) value.dispose();
    else this.owned.push(value);
    return value;
  }

  dispose(): void {
    if (this.ended) return;
    this.ended = true;
    for (const d of this.owned.splice(0).reverse()) d.dispose();
  }
}

/** A timer as a disposable: disposing clears it. */
export function timeoutDisposable(handle: () => ReturnType<typeof setTimeout> | undefined): vscode.Disposable {
  return { dispose: () => clearTimeout(handle()) };
}
