/**
 * Keeps the app openable without signal, per platform: `offline-shell.h5.ts` registers the
 * service worker the H5 build emits (/sw.js, config/offline-shell.ts); in WeChat the helper's
 * subpackage is preloaded with the main package instead (app.config.ts `preloadRule`), so
 * `offline-shell.weapp.ts` has nothing to do.
 */
export declare function keepAppShellOffline(): void;
