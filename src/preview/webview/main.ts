// The preview page's script: adopts the first paint, applies the host's patches, runs toolbar and navigation.
import { parseHostMessage, parsePreviewState, type PageInit, type PreviewSettings, type PreviewState } from '../protocol';
import { getVsCodeApi } from './api';
import { CardList } from './cards';
import { Navigation } from './navigation';
import { Toolbar, type ViewState } from './toolbar';

function readInit(): PageInit {
  const raw = document.getElementById('dp-init')?.dataset.init;
  return JSON.parse(raw ?? '{}') as PageInit;
}

function main(): void {
  const init = readInit();
  const api = getVsCodeApi();
  const source = init.source;
  const saved = parsePreviewState(api.getState());
  const restored = saved?.source === source ? saved : undefined;
  let settings: PreviewSettings = init.settings;
  let locked = init.locked;
  let version = init.version;

  const state: ViewState = {
    filter: restored?.filter ?? '',
    sort: restored?.sort ?? 'file',
    thumbnails: restored?.thumbnails ?? settings.showThumbnails,
    expanded: restored?.expanded ?? true,
  };
  const mainEl = document.getElementById('dp-main')!;
  // A patched card keeps what the reader opened or closed in the card it replaces.
  const carryOver = (next: HTMLElement, old: HTMLElement | undefined) => {
    const summary = next.querySelector<HTMLDetailsElement>('details.summary');
    if (summary) summary.open = old?.querySelector<HTMLDetailsElement>('details.summary')?.open ?? state.expanded;
    const authors = next.querySelector<HTMLDetailsElement>('details.more-authors');
    if (authors) authors.open = old?.querySelector<HTMLDetailsElement>('details.more-authors')?.open ?? false;
  };
  const list = new CardList(mainEl, carryOver);
  list.adopt(init.days);

  let pending = false;
  // Saves the view and reports the counts once per task, however many changes it made.
  const changed = () => {
    nav?.invalidate();
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      const saved: PreviewState = { source, locked, ...state, topId: nav?.topId ?? null };
      api.setState(saved);
      api.postMessage({ type: 'status', source, version, total: list.size, shown: toolbar.shown, filter: state.filter, sort: state.sort });
    });
  };
  let nav: Navigation | undefined = undefined;
  const toolbar = new Toolbar(list, init.strings, state, changed);
  nav = new Navigation(list, mainEl, document.querySelector('header.toolbar')!, () => settings, (m) => api.postMessage(m), source, changed);
  const navigation = nav;
  // Cards scrolled to stop below the sticky toolbar, whose height changes when it wraps (CSSOM: allowed by the CSP).
  const header = document.querySelector<HTMLElement>('header.toolbar')!;
  const toolbarHeight = () => document.documentElement.style.setProperty('--dp-toolbar-height', `${header.offsetHeight}px`);
  toolbarHeight(); // now, before any restore scrolls: the observer reports only after the first layout
  new ResizeObserver(toolbarHeight).observe(header);
  if (state.sort !== 'file') list.arrange(toolbar.order);
  toolbar.refresh();
  if (init.cursorLine !== null) navigation.setCursor(init.cursorLine);
  if (restored?.topId) requestAnimationFrame(() => navigation.scrollToId(restored.topId!));
  else if (init.scrollLine !== null) requestAnimationFrame(() => navigation.scrollToLine(init.scrollLine!));

  window.addEventListener('message', (event: MessageEvent) => {
    const message = parseHostMessage(event.data, source);
    if (!message) return;
    switch (message.type) {
      case 'patch': {
        if (message.version <= version) return;
        const anchor = navigation.captureAnchor();
        list.patch(message.cards, message.days, toolbar.order);
        version = message.version;
        document.getElementById('dp-none')!.hidden = mainEl.childElementCount > 0;
        toolbar.refresh();
        navigation.restoreAnchor(anchor);
        return;
      }
      case 'scrollTo':
        return navigation.scrollToLine(message.line);
      case 'cursor':
        return navigation.setCursor(message.line);
      case 'config':
        settings = message.settings;
        locked = message.locked;
        return changed();
    }
  });
}

main();
