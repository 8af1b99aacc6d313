import Taro from '@tarojs/taro';

/** webpack's failure to load a page's script or style (no signal, and the shell not kept yet). */
const isChunkLoadFailure = (reason: unknown) =>
  !!reason &&
  typeof reason === 'object' &&
  ((reason as Error).name === 'ChunkLoadError' || /^Loading (CSS )?chunk \S+ failed/.test(String((reason as Error).message)));

/**
 * A page that cannot load says so instead of doing nothing: before the shell is kept (the very
 * first visit) a tap offline used to change the address and leave the old page on screen.
 */
function explainChunkFailures(): void {
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkLoadFailure(event.reason)) return;
    event.preventDefault();
    void Taro.showModal({
      title: '页面没有打开',
      content: '网络不可用，这个页面还没有保存到手机上。请联网后打开一次帮扶通，以后没有信号也能记录走访。',
      showCancel: false,
      confirmText: '知道了',
    });
  });
}

/**
 * Registers /sw.js, which keeps this build's page, scripts and styles (config/sw.template.js):
 * without it a page whose chunk was never loaded online cannot open offline, and a reload
 * without signal shows the browser's own error. Production builds only: the dev server's chunks
 * change on every save.
 */
export function keepAppShellOffline(): void {
  if (typeof window !== 'undefined') explainChunkFailures();
  if (process.env.NODE_ENV !== 'production' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
