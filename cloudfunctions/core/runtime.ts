/**
 * Where this process runs: in the cloud (the default) or in local mode (the demo host, tests,
 * benchmarks). Only `useLocalMode` (core/local/mode.ts) turns local mode on, and that module is
 * never bundled into a function (it opens the embedded store, which the build refuses), so a
 * deployed function cannot end up in local mode. Local mode changes three things: the caller is
 * the one the local host names (identity.ts), WeChat cloud calls are recorded instead of made
 * (wechat/), and settings a deployed function must be given have local placeholders (settings.ts).
 */
let local = false;

export function isLocalMode(): boolean {
  return local;
}

/** For core/local/mode.ts only. */
export function setLocalMode(on: boolean): void {
  local = on;
}
