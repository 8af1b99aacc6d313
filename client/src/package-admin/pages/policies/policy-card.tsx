import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Policy } from '@bangfu/types';
import { Card, Tag } from '@/components/ui';
import { chineseDate } from '@/utils/dates';
import { describe } from './describe';
import ParamEditor from './param-editor';

/** The values in force on `date`: the latest entry that started on or before it. */
function valuesAt(policy: Policy, date: string): Policy['values'][number] | undefined {
  return policy.values
    .filter((v) => v.from <= date)
    .sort((a, b) => a.from.localeCompare(b.from))
    .at(-1);
}

interface Props {
  policy: Policy;
  on: string;
  today: string;
  canEdit: boolean | undefined;
  onSaved: (p: Policy) => void;
}

/** One policy: what is in force on `on`, the dated history, and the editor for county admins (undefined: not known yet). */
export default function PolicyCard({ policy, on, today, canEdit, onSaved }: Props) {
  const [open, setOpen] = useState(false);
  const current = valuesAt(policy, on);
  const upcoming = policy.values.filter((v) => v.from > today);
  return (
    <Card
      title={policy.label}
      extra={
        <Tag type='primary' plain>
          {policy.level === 'household' ? '按户' : '按人'}
        </Tag>
      }
    >
      <View className='pol__body' onClick={() => setOpen(!open)}>
        <View className='pol__current'>
          {on === today ? '现行' : `${chineseDate(on)}执行`}：
          {current ? `${describe(current.params)}（自${chineseDate(current.from)}起）` : '当日尚无生效的参数'}
        </View>
        {upcoming.map((v) => (
          <View key={v.from} className='pol__upcoming'>
            <Tag status='due'>待执行</Tag> 自{chineseDate(v.from)}起：{describe(v.params)}
          </View>
        ))}
        <View className='pol__more'>{open ? '收起' : canEdit === false ? '查看参数历史 ›' : '查看历史与调整参数 ›'}</View>
      </View>
      {open && (
        <View className='pol__detail'>
          <View className='pol__sub'>参数历史</View>
          {[...policy.values].reverse().map((v) => (
            <View key={v.from} className='pol__history'>
              <Tag
                {...(v.from > today
                  ? { status: 'due' as const }
                  : v.from === valuesAt(policy, today)?.from
                    ? { type: 'primary' as const }
                    : { status: 'none' as const })}
              >
                {v.from > today ? '待执行' : v.from === valuesAt(policy, today)?.from ? '执行中' : '已停止'}
              </Tag>{' '}
              自{chineseDate(v.from)}起：{describe(v.params)}
              {v.setBy ? `（${v.setBy} 于 ${v.setAt ? chineseDate(v.setAt) : ''} 设置）` : '（初始参数）'}
            </View>
          ))}
          {canEdit && <ParamEditor policy={policy} onSaved={onSaved} />}
          {canEdit === false && <View className='pol__readonly'>政策参数由县扶贫办统一设置，如需调整请联系县扶贫办。</View>}
        </View>
      )}
    </Card>
  );
}
