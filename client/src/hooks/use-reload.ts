import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { QueueSnapshot } from '@/services/offline-queue';

/** Reloads when the page is shown again (back from a detail page), not on its first show. */
export function useReloadOnShow(reload: () => unknown): void {
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else void reload();
  });
}

/** Reloads when queued offline writes have just gone out: the server has them now. */
export function useReloadWhenSynced(queue: QueueSnapshot, reload: () => unknown): void {
  const pendingBefore = useRef(queue.pending);
  useEffect(() => {
    if (pendingBefore.current > queue.pending && !queue.flushing) void reload();
    pendingBefore.current = queue.pending;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs on queue changes only; reload is a new function every render
  }, [queue.pending, queue.flushing]);
}
