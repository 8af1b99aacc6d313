import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { NeedView } from '@bangfu/types';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';

/**
 * One need for a detail page: loaded by id, replaced by what a step (or a CONFLICT) answers,
 * and loaded again when the page is shown again.
 */
export function useNeed(needId: string) {
  const request = useRequest(() => api.needs.get({ needId }), [needId]);
  const [latest, setLatest] = useState<NeedView | undefined>();
  useEffect(() => setLatest(request.data), [request.data]);
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else void request.reload();
  });
  return { need: latest ?? request.data, loading: request.loading, error: request.error, reload: request.reload, setNeed: setLatest };
}
