/**
 * The queue's retry timers, per client instance. The soak's client bundle takes `setTimeout` and
 * `clearTimeout` from `forNewClient()` (a banner at its top), so starting a client cancels the
 * timers of the one before, as killing an app does: no earlier instance wakes up to send.
 */
let live = new Set<NodeJS.Timeout>();

export function forNewClient() {
  for (const t of live) clearTimeout(t);
  const mine = (live = new Set());
  return {
    setTimeout(fn: () => void, ms: number): NodeJS.Timeout {
      const t = setTimeout(() => {
        mine.delete(t);
        fn();
      }, ms);
      mine.add(t);
      return t;
    },
    clearTimeout(t: NodeJS.Timeout): void {
      mine.delete(t);
      clearTimeout(t);
    },
  };
}
