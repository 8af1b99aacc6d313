import { useCallback, useEffect, useRef, useState } from 'react';

export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Runs the request again; keeps the last data on screen while it loads. */
  reload: () => Promise<void>;
  /** Shows what an action on the page answered (the need after a step) until the next load. */
  setData: (data: T) => void;
}

/**
 * Runs `fn` on mount (and whenever `deps` change) and tracks its outcome for a page:
 * `loading` first, then `data` or `error`. Stale answers of an earlier run are dropped.
 */
export function useRequest<T>(fn: () => Promise<T>, deps: readonly unknown[] = []): RequestState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const seq = useRef(0);
  const alive = useRef(true);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when fn is a new request, as with useEffect
  const run = useCallback(fn, deps);

  const reload = useCallback(async () => {
    const id = ++seq.current;
    setState((s) => ({ ...s, error: undefined, loading: true }));
    try {
      const data = await run();
      if (alive.current && id === seq.current) setState({ data, error: undefined, loading: false });
    } catch (error) {
      if (alive.current && id === seq.current) setState((s) => ({ ...s, error, loading: false }));
    }
  }, [run]);

  useEffect(() => {
    alive.current = true;
    void reload();
    return () => {
      alive.current = false;
    };
  }, [reload]);

  const setData = useCallback((data: T) => setState((s) => ({ ...s, data, error: undefined })), []);

  return { ...state, reload, setData };
}
