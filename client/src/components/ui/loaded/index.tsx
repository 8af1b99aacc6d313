import type { ReactNode } from 'react';
import type { RequestState } from '@/hooks/use-request';
import ErrorState from '../error-state';
import Loading from '../loading';

export interface LoadedProps<T> {
  /** A `useRequest` state: while it reloads, the last answer stays on screen. */
  state: Pick<RequestState<T>, 'data' | 'error' | 'loading' | 'reload'>;
  /** Beside the spinner, e.g. 正在查询您家的政策… */
  loadingText?: string;
  /** Shown instead of the spinner while loading (a quiet line inside a card). */
  placeholder?: ReactNode;
  /** Shown instead of `children` when the answer has nothing in it: what to do next (UX.md). */
  empty?: ReactNode;
  /** When `empty` applies; by default when the answer's `items` (or the answer itself) is an empty list. */
  isEmpty?: (data: NonNullable<T>) => boolean;
  children: (data: NonNullable<T>) => ReactNode;
}

function noItems(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const items = (data as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

/**
 * The ladder every list and detail climbs (UX.md): a loading state, an error with 重试, an empty
 * state that says what to do next, then the data. Written once here instead of in every page.
 */
export default function Loaded<T>({ state, loadingText, placeholder, empty, isEmpty = noItems, children }: LoadedProps<T>) {
  const { data, error, loading, reload } = state;
  if (data === undefined || data === null) {
    if (error && !loading) return <ErrorState error={error} onRetry={() => void reload()} />;
    return <>{placeholder ?? <Loading text={loadingText} />}</>;
  }
  if (empty !== undefined && isEmpty(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}
