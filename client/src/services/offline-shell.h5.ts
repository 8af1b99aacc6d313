/**
 * Registers /sw.js, which keeps this build's page, scripts and styles (config/sw.template.js):
 * without it a page whose chunk was never loaded online cannot open offline, and a reload
 * without signal shows the browser's own error. Production builds only: the dev server's chunks
 * change on every save.
 */
export function keepAppShellOffline(): void {
  if (process.env.NODE_ENV !== 'production' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
