/** WeChat keeps the code packages itself; the helper's is preloaded by app.config.ts `preloadRule`. */
export function keepAppShellOffline(): void {}
