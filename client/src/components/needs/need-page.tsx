import { useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { NeedView } from '@bangfu/types';
import { Loaded, Page } from '@/components/ui';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';

export interface NeedPageProps {
  wide?: boolean;
  /** Draws the need; a step (or a CONFLICT) hands the need it answered to `onChanged`. */
  children: (need: NeedView, onChanged: (need: NeedView) => void) => ReactNode;
}

/**
 * The frame of every role's need page: the need named by `?id=`, with the loading / error ladder,
 * loaded again when the page is shown again.
 */
export default function NeedPage({ wide, children }: NeedPageProps) {
  const { id = '' } = useRouter().params;
  const need = useRequest(() => api.needs.get({ needId: id }), [id]);
  useReloadOnShow(need.reload);
  return (
    <Page wide={wide}>
      <Loaded state={need}>{(n) => children(n, need.setData)}</Loaded>
    </Page>
  );
}
