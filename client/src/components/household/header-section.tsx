import { View } from '@tarojs/components';
import { HOUSEHOLD_STATUS_LABELS, POVERTY_CAUSE_LABELS, type HouseholdView } from '@bangfu/types';
import { ADJUST_KIND_LABELS } from '@bangfu/types/api/households';
import { Button, Tag } from '@/components/ui';
import { navigate } from '@/services/routes';
import { chineseDate } from '@/utils/dates';
import { thousands } from '@/utils/format';
import PhotoStrip from '@/components/needs/photo-strip';
import { STATUS_TAG } from './labels';
import './household-sections.scss';

/** 户档案 header: who, where, status with its adjustment history, and the admin's edit actions. */
export default function HeaderSection({ household: h, isAdmin }: { household: HouseholdView; isAdmin: boolean }) {
  const perCapita = h.members.length ? Math.round(h.annualNetIncome / h.members.length) : 0;
  return (
    <View className='hh-section hh-header'>
      <View className='hh-section__line'>
        <View className='hh-header__name'>{h.headName} 户</View>
        <Tag {...STATUS_TAG[h.status]} size='medium'>
          {HOUSEHOLD_STATUS_LABELS[h.status]}
        </Tag>
      </View>
      <View className='hh-section__detail'>
        {[h.townName, h.villageName].filter(Boolean).join(' · ')} · 户编号 {h.code}
      </View>
      <View className='hh-section__detail'>{h.address}</View>
      <View className='hh-header__facts'>
        <Fact label='家庭人口' value={`${h.members.length} 人`} />
        <Fact label='年纯收入' value={`${thousands(h.annualNetIncome)} 元`} />
        <Fact label='人均' value={`${thousands(perCapita)} 元`} />
        <Fact label='住房' value={`${h.housingGrade} 级`} />
        <Fact label='安全饮水' value={h.safeWater ? '是' : '否'} />
        <Fact label='识别年度' value={`${h.identifiedYear}`} />
      </View>
      {h.causes.length > 0 && (
        <View className='hh-header__tags'>
          {h.causes.map((c) => (
            <Tag key={c} type='primary' plain>
              {POVERTY_CAUSE_LABELS[c]}
            </Tag>
          ))}
        </View>
      )}
      {h.statusHistory.length > 0 && (
        <View className='hh-header__history'>
          <View className='hh-section__when'>状态调整记录</View>
          {[...h.statusHistory].reverse().map((c) => (
            <View key={c.at} className='hh-section__item'>
              <View className='hh-section__name'>
                {chineseDate(c.effectiveOn)} {ADJUST_KIND_LABELS[c.kind]}：{HOUSEHOLD_STATUS_LABELS[c.from]} → {HOUSEHOLD_STATUS_LABELS[c.to]}
              </View>
              <View className='hh-section__detail'>原因：{c.reason}</View>
              {c.evidence.length > 0 && <View className='hh-section__detail'>证明材料：{c.evidence.join('；')}</View>}
              <PhotoStrip block='hh-photos' photos={c.photos} />
              <View className='hh-section__detail'>
                调整人：{c.byName ?? '未记录'} · {chineseDate(c.at)}录入
              </View>
            </View>
          ))}
        </View>
      )}
      {isAdmin && (
        <View className='hh-header__actions'>
          <Button size='small' plain type='primary' onClick={() => void navigate('adminHouseholdEdit', { id: h._id })}>
            编辑户信息
          </Button>
          <Button size='small' plain type='warning' onClick={() => void navigate('adminAdjust', { id: h._id })}>
            动态调整
          </Button>
        </View>
      )}
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='hh-header__fact'>
      <View className='hh-header__fact-label'>{label}</View>
      <View className='hh-header__fact-value'>{value}</View>
    </View>
  );
}
