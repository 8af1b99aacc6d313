import { View } from '@tarojs/components';
import { useState } from 'react';
import type { PolicyCode } from '@bangfu/types';
import { Button, Card, Empty, Loaded, Page, Tag } from '@/components/ui';
import ExportButton from '@/components/export-button';
import { gapTodo, POLICY_NAMES, yuan } from '@/components/benefits/labels';
import { thousands } from '@/utils/format';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import './index.scss';

const PAGE = 20;
const FILTERS: (PolicyCode | null)[] = [null, 'dibao', 'medical_premium', 'chronic_outpatient', 'pension_premium', 'housing_repair', 'temporary_aid'];

/** 应享未享排查: every open gap in the admin's region, each with the primary helper it is handed to. */
export default function Gaps() {
  const [policy, setPolicy] = useState<PolicyCode | null>(null);
  const [offset, setOffset] = useState(0);
  const gaps = useRequest(() => api.benefits.listGaps({ limit: PAGE, offset, ...(policy ? { policy } : {}) }), [offset, policy]);
  const total = gaps.data?.total ?? 0;
  const open = (householdId: string) => void navigate('householdDetail', { id: householdId });
  return (
    <Page wide>
      <View className='gaps__filters'>
        {FILTERS.map((p) => (
          <View
            key={p ?? 'all'}
            className={p === policy ? 'gaps__chip gaps__chip--on' : 'gaps__chip'}
            onClick={() => {
              setPolicy(p);
              setOffset(0);
            }}
          >
            {p ? POLICY_NAMES[p] : '全部政策'}
          </View>
        ))}
        <ExportButton file='应享未享' unit='人次' run={() => api.benefits.exportGaps(policy ? { policy } : {})} />
      </View>
      <Loaded state={gaps} loadingText='正在排查辖区内每一户…' empty={<Empty description='没有应享未享的项目：辖区内应享的政策都已落实' />}>
        {(data) => (
          <Card title={`应享未享 ${thousands(total)} 人次，涉及 ${thousands(data.households)} 户`}>
            {data.items.map((g) => (
              <View key={`${g.householdId}-${g.policy}-${g.memberId}`} className='gaps__row' onClick={() => open(g.householdId)}>
                <View className='gaps__main'>
                  <View className='gaps__title'>
                    {g.headName}户 · {POLICY_NAMES[g.policy]}
                    {g.memberName ? ` · ${g.memberName}` : ''}
                  </View>
                  {g.shortfall !== null && (
                    <View className='gaps__short'>
                      应享 {yuan(g.amount)}，已到账 {yuan(g.received)}，差 {yuan(g.shortfall)}
                    </View>
                  )}
                  <View className='gaps__todo'>{gapTodo(g.kind, 'staff')}</View>
                </View>
                <View className='gaps__side'>
                  <Tag status='alert'>{g.shortfall !== null ? `少享 ${yuan(g.shortfall)}` : g.amount !== null ? yuan(g.amount) : '未落实'}</Tag>
                  <View className='gaps__helper'>{g.helperName ? `交 ${g.helperName} 落实` : '尚无主帮扶人'}</View>
                </View>
              </View>
            ))}
          </Card>
        )}
      </Loaded>
      {total > PAGE && (
        <View className='gaps__pager'>
          <Button size='small' round disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            上一页
          </Button>
          <View>
            {Math.floor(offset / PAGE) + 1} / {Math.ceil(total / PAGE)}
          </View>
          <Button size='small' round disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            下一页
          </Button>
        </View>
      )}
    </Page>
  );
}
