/**
 * Counting the database requests a call makes (every get/count/aggregate/write sent to the store),
 * as bulletin.ts does: collection chains are wrapped, operators (`command`) are not.
 */
import { getDb, setDatabaseFactory } from '../../cloudfunctions/core/store';

const TERMINAL = new Set(['get', 'count', 'end', 'update', 'add', 'remove', 'set', 'create']);
let requests = 0;

function counting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, p, receiver) {
      const v = Reflect.get(t, p, receiver);
      if (typeof v !== 'function' || typeof p !== 'string') return v;
      return (...args: unknown[]) => {
        if (TERMINAL.has(p)) requests++;
        const out = v.apply(t, args);
        return out && typeof out === 'object' && typeof (out as Promise<unknown>).then !== 'function' ? counting(out as object) : out;
      };
    },
  });
}

/** From now on every request through getDb() is counted; `stop` restores the plain store. */
export function countRequests() {
  const db = getDb();
  setDatabaseFactory(() => counting(db));
  return {
    reset: () => {
      requests = 0;
    },
    get count() {
      return requests;
    },
    stop: () => setDatabaseFactory(null),
  };
}
