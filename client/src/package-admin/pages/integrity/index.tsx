import { View } from '@tarojs/components';
import { useState } from 'react';
import { INTEGRITY_CHECK_LABELS, IntegrityCheck } from '@bangfu/types';
import { Button, Card, Empty, Loaded, Page, Select } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { chinaToday, chineseDate, monthLabel, shiftMonth } from '@/utils/dates';
import { thousands } from '@/utils/format';
import './index.scss';

const CHECKS = IntegrityCheck.options;
/** Checks over visits look at one month; the others at every need and finding. */
const MONTHLY: readonly IntegrityCheck[] = ['future_visits', 'late_entries', 'rapid_visits', 'duplicate_content', 'refused_backdates'];

/**
 * 数据核查: the checks an inspector runs over the records of the admin's region — visits dated
 * ahead or entered long after, one helper at several households within minutes, notes or photos
 * repeated across households, 补录 refused past 60 days, steps out of order, evidence after 销号 —
 * each listing the records with why. Flags only: nothing is blocked by them.
 */
export default function IntegrityPage() {
  const [check, setCheck] = useState<IntegrityCheck>('rapid_visits');
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const monthly = MONTHLY.includes(check);
  const report = useRequest(() => api.findings.integrity(monthly ? { check, month } : { check }), [check, monthly ? month : '']);
  return (
    <Page wide>
      <View className='integrity__title'>数据核查</View>
      <View className='integrity__bar'>
        <Select
          name='check'
          options={CHECKS.map((c) => INTEGRITY_CHECK_LABELS[c])}
          value={CHECKS.indexOf(check)}
          onChange={(i) => setCheck(CHECKS[i])}
          prefix='核查：'
        />
        {monthly && (
          <View className='integrity__months'>
            <Button size='small' round onClick={() => setMonth(shiftMonth(month, -1))}>
              上月
            </Button>
            <View className='integrity__month'>{monthLabel(month)}</View>
            <Button size='small' round disabled={month >= chinaToday().slice(0, 7)} onClick={() => setMonth(shiftMonth(month, 1))}>
              下月
            </Button>
          </View>
        )}
      </View>
      <Loaded state={report} loadingText='正在核查辖区记录…'>
        {(data) =>
          data.total === 0 ? (
            <Empty description={`${monthly ? monthLabel(data.month) : ''}没有发现「${data.label}」的记录。`} />
          ) : (
            <Card title={data.label} extra={`共 ${thousands(data.total)} 条${data.total > data.items.length ? `，显示前 ${data.items.length} 条` : ''}`}>
              {data.items.map((item, i) => (
                <View
                  key={`${item.at}-${i}`}
                  className='integrity__item'
                  onClick={() => item.householdId && void navigate('householdDetail', { id: item.householdId })}
                >
                  <View className='integrity__item-title'>{item.title}</View>
                  <View className='integrity__item-detail'>{item.detail}</View>
                  <View className='integrity__item-when'>
                    {chineseDate(item.at)}
                    {item.householdId ? ' · 查看该户' : ''}
                  </View>
                </View>
              ))}
            </Card>
          )
        }
      </Loaded>
    </Page>
  );
}
