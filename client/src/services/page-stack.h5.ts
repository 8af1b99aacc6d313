import Taro from '@tarojs/taro';

/**
 * Taro's H5 router (@tarojs/router 4.2) handles a browser back that arrives while a page is still
 * opening in two wrong ways, both leaving the page below hidden or lost (issue #15: 月度通报 →
 * 户档案 → back showed a blank screen):
 * - before the new page's code has loaded, the back is rendered at once: the page below is
 *   unloaded and opened afresh (its drill-down state gone), then the new page lands on top of it;
 * - after it has loaded, the page below is shown again before the router's own delayed hide of it
 *   (animation duration + delay) has run, and that hide then covers it (`taro_page_shade`).
 * So a back is held until the opening page is in place, and the page on top is never left covered.
 */
export function keepPageStackInStep(): void {
  const root = document.getElementById('app');
  if (!root) return;
  holdBackWhileOpening();
  keepTopPageUncovered(root);
}

/** The pathname the router was last asked to show (its `__taroRouterChange`, at the start of a render). */
let asked: string | null = null;
/** A browser back or forward the router has not been given yet; several collapse into one. */
let held: ReturnType<typeof setTimeout> | null = null;
let replaying = false;
/** A page whose code never arrives (no signal) must not keep the back button from working. */
const HOLD_LIMIT_MS = 8000;

const topPage = () => {
  const pages = Taro.getCurrentPages();
  return pages[pages.length - 1];
};

/** The router has shown the page it was last asked for: the top of its stack is that page, and it is current. */
function inPlace(): boolean {
  const top = topPage();
  if (!top || asked === null) return true;
  return top.route === asked && Taro.getCurrentInstance().page?.path === top.path;
}

function holdBackWhileOpening(): void {
  Taro.eventCenter.on('__taroRouterChange', (e: { toLocation?: { path?: string } }) => {
    asked = e?.toLocation?.path ?? null;
  });
  const release = () => {
    if (!held) return;
    clearTimeout(held);
    held = null;
    replaying = true;
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    replaying = false;
  };
  Taro.eventCenter.on('__afterTaroRouterChange', () => {
    if (held && inPlace()) release();
  });
  // A capturing listener on window runs before the router's own (history's, not capturing).
  window.addEventListener(
    'popstate',
    (event) => {
      if (replaying || inPlace()) return;
      event.stopImmediatePropagation();
      if (!held) held = setTimeout(release, HOLD_LIMIT_MS);
    },
    true,
  );
}

function keepTopPageUncovered(root: HTMLElement): void {
  const observer = new MutationObserver((records) => {
    const top = topPage();
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach((n) => n instanceof HTMLElement && n.classList.contains('taro_page') && watch(n));
      else if (r.target instanceof HTMLElement && r.target.id === top?.path && r.target.classList.contains('taro_page_shade')) {
        r.target.classList.remove('taro_page_shade');
      }
    }
  });
  const watch = (page: HTMLElement) => observer.observe(page, { attributes: true, attributeFilter: ['class'] });
  observer.observe(root, { childList: true });
  root.querySelectorAll<HTMLElement>(':scope > .taro_page').forEach(watch);
}
