import { View } from '@tarojs/components';
import { monthDay } from '@bangfu/types';
import { Button, Tag } from '@/components/ui';
import { PAIRING_ROLE_LABELS } from '@bangfu/types';
import type { DueItem } from '@bangfu/types/api/visits';
import { chineseDate } from '@/utils/dates';

const STATUS_TAG = {
  overdue: { status: 'alert', text: '逾期' },
  due: { status: 'due', text: '本月待走访' },
  visited: { status: 'done', text: '已走访' },
} as const;

const dateOnly = (iso: string | null) => (iso ? chineseDate(iso) : null);

/** One household on the helper's list: status, 急难/应享未享 flags, last visit, and the way in. */
export default function DueRow({ item, onOpen, onRecord }: { item: DueItem; onOpen: () => void; onRecord: () => void }) {
  // Visited this month and due again (an emergency came after): the visit shows, and why another is due.
  const status = item.visitedThisMonth ? STATUS_TAG.visited : STATUS_TAG[item.status];
  const last = dateOnly(item.lastVisitedAt);
  return (
    <View className='due-row' onClick={onOpen}>
      <View className='due-row__main'>
        <View className='due-row__title'>{item.headName || '户主信息缺失'} 户</View>
        <View className='due-row__label'>
          {item.villageName} · {last ? `上次走访 ${last}` : '近三个月未走访'}
        </View>
        <View className='due-row__tags'>
          <Tag status={status.status}>{status.text}</Tag>
          {item.dueAgainReason && <Tag status='due'>{item.dueAgainReason}</Tag>}
          {item.role !== 'primary' && (
            <Tag type='primary' plain>
              {PAIRING_ROLE_LABELS[item.role]}
            </Tag>
          )}
          {item.urgentNeeds > 0 && <Tag status='alert'>急难</Tag>}
          {item.openGaps > 0 && (
            <Tag status='alert' plain>
              应享未享 {item.openGaps}
            </Tag>
          )}
          {item.openNeeds > item.urgentNeeds && (
            <Tag status='due' plain>
              待办需求 {item.openNeeds - item.urgentNeeds}
            </Tag>
          )}
          {item.nextOccasion && (
            <Tag status='due' plain>
              {item.nextOccasion.label}
            </Tag>
          )}
          {item.followUpUntil && (
            <Tag type='primary' plain>
              风险消除后回访至{monthDay(item.followUpUntil)}
            </Tag>
          )}
        </View>
      </View>
      <View
        className='due-row__action'
        onClick={(e) => {
          e.stopPropagation();
          onRecord();
        }}
      >
        <Button size='small' type={item.status === 'visited' ? 'default' : 'primary'} plain={item.status === 'visited'}>
          记走访
        </Button>
      </View>
    </View>
  );
}
