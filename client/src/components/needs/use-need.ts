import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';

/**
 * One need for a detail page (a request state for `Loaded`): loaded by id, loaded again when the
 * page is shown again; a step (or a CONFLICT) shows its answer through `setData`.
 */
export function useNeed(needId: string) {
  const request = useRequest(() => api.needs.get({ needId }), [needId]);
  useReloadOnShow(request.reload);
  return request;
}
