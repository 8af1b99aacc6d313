/**
 * A meter on the SDK's request seam: every request node-sdk sends to the embedded engine (each
 * get, count, aggregate, write and transaction step, which on CloudBase is one network round
 * trip) is counted here, and may be held back by a simulated round trip before it runs. Off
 * unless a caller installs one: only the benchmarks (`BANGFU_SIM_RTT_MS`) and the request-budget
 * tests do; the app and the local host never read it.
 */
export interface RequestMeter {
  /** Called once per request, before it runs, with the SDK's action (`database.getDocument`…) and collection. */
  onRequest?(action: string, collection: string | undefined): void;
  /** Milliseconds each request waits before it runs, as a deployed function waits on the network. */
  delayMs?: number;
}

let meter: RequestMeter | null = null;

/** Installs a meter (null removes it); answers the one it replaced. */
export function setRequestMeter(next: RequestMeter | null): RequestMeter | null {
  const before = meter;
  meter = next;
  return before;
}

/** What the seam does before a request runs: count it, and wait out the simulated round trip. */
export function meterRequest(action: string, params: Record<string, unknown> | undefined): Promise<void> | undefined {
  if (!meter) return undefined;
  meter.onRequest?.(action, typeof params?.collectionName === 'string' ? params.collectionName : undefined);
  const delay = meter.delayMs ?? 0;
  return delay > 0 ? new Promise((resolve) => setTimeout(resolve, delay)) : undefined;
}

/** Counts the requests `fn` makes (and their collections), with no delay unless one is given. */
export async function countRequests<T>(fn: () => Promise<T>, delayMs = 0): Promise<{ result: T; requests: number; byCollection: Map<string, number> }> {
  let requests = 0;
  const byCollection = new Map<string, number>();
  const before = setRequestMeter({
    delayMs,
    onRequest(_action, collection) {
      requests++;
      const key = collection ?? '(none)';
      byCollection.set(key, (byCollection.get(key) ?? 0) + 1);
    },
  });
  try {
    const result = await fn();
    return { result, requests, byCollection };
  } finally {
    setRequestMeter(before);
  }
}
