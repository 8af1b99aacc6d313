import { useEffect, useState } from 'react';
import { startAutoFlush, subscribe, type QueueSnapshot } from '@/services/offline-queue';

/** The offline queue's counts for a page ("待同步 N 条"); also makes sure auto-sending is on. */
export function useOfflineQueue(): QueueSnapshot {
  const [snap, setSnap] = useState<QueueSnapshot>({ pending: 0, failed: 0, flushing: false });
  useEffect(() => {
    startAutoFlush();
    return subscribe(setSnap);
  }, []);
  return snap;
}
