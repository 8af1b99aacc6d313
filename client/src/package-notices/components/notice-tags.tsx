import { Tag } from '@/components/ui';
import type { NoticeItem } from '@bangfu/types/api/notices';

/** Status of a notice for its reader: withdrawn (grey), to acknowledge (orange), acknowledged (green), pinned. */
export default function NoticeTags({ notice }: { notice: NoticeItem }) {
  if (notice.status === 'revoked') return <Tag type='default'>已撤回</Tag>;
  if (notice.status === 'draft')
    return (
      <Tag status='due' plain>
        草稿
      </Tag>
    );
  return (
    <>
      {notice.pinned && <Tag type='primary'>置顶</Tag>}
      {notice.requireAck && notice.acknowledged && (
        <Tag status='done' plain>
          已知悉
        </Tag>
      )}
      {notice.requireAck && !notice.acknowledged && !notice.manageable && (
        <Tag status='due' plain>
          待确认
        </Tag>
      )}
    </>
  );
}
