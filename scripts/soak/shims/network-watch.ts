/**
 * `client/src/services/network-watch` for the soak: the queue registers its "network is back"
 * flush here, and the soak calls `networkBack()` when it puts the client online again.
 */
let listeners: Array<() => void> = [];

export function watchNetwork(onBack: () => void): void {
  listeners.push(onBack);
}

export const networkBack = (): void => listeners.forEach((l) => l());

/** A restarted client registers afresh; the old instance's watcher is gone with it. */
export function resetNetworkWatch(): void {
  listeners = [];
}
