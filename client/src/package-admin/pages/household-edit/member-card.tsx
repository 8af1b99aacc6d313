import { View } from '@tarojs/components';
import { HEALTH_LABELS, Health, LABOR_CAPACITY_LABELS, LaborCapacity, RELATION_LABELS, Relation, SCHOOLING_LABELS, Schooling } from '@bangfu/types';
import { Field, Select } from '@/components/ui';
import Chips from '@/components/household/chips';
import type { MemberForm } from './form';

const YES_NO = { yes: '是', no: '否' } as const;
const LEVELS = { '0': '无', '1': '1级', '2': '2级', '3': '3级', '4': '4级' } as const;

function YesNo({ label, value, onChange }: { label: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <Chips all={false} label={label} options={['yes', 'no'] as const} labels={YES_NO} value={value ? 'yes' : 'no'} onChange={(v) => onChange(v === 'yes')} />
  );
}

/** One member in the edit form. Birth date and sex are never asked: the server reads them from the ID number. */
export default function MemberCard({
  index,
  member: m,
  onChange,
  onRemove,
}: {
  index: number;
  member: MemberForm;
  onChange: (m: MemberForm) => void;
  onRemove?: () => void;
}) {
  const set =
    <K extends keyof MemberForm>(key: K) =>
    (value: MemberForm[K]) =>
      onChange({ ...m, [key]: value });
  const schooling = Schooling.options;
  return (
    <View className='hh-edit__member'>
      <View className='hh-edit__member-head'>
        <View>第 {index + 1} 位成员</View>
        {onRemove && (
          <View className='hh-edit__remove' onClick={onRemove}>
            移除
          </View>
        )}
      </View>
      <Field label='姓名' name={`member-${index}-name`} value={m.name} maxlength={20} placeholder='成员姓名' onChange={set('name')} />
      <Field
        label='身份证号'
        name={`member-${index}-id`}
        type='idcard'
        value={m.idNumber}
        maxlength={18}
        placeholder={m.maskedId ? `${m.maskedId}（不修改请留空）` : '18 位身份证号'}
        onChange={set('idNumber')}
      />
      <Field
        label='手机号'
        name={`member-${index}-phone`}
        type='number'
        value={m.phone}
        maxlength={11}
        placeholder={m.maskedPhone ? `${m.maskedPhone}（不修改请留空）` : '选填'}
        onChange={set('phone')}
      />
      <View className='hh-edit__pad'>
        <Chips all={false} label='关系' options={Relation.options} labels={RELATION_LABELS} value={m.relation} onChange={(v) => v && set('relation')(v)} />
        <Chips all={false} label='健康' options={Health.options} labels={HEALTH_LABELS} value={m.health} onChange={(v) => v && set('health')(v)} />
        {m.health === 'chronic' && <YesNo label='慢病认定' value={m.chronicApproved} onChange={set('chronicApproved')} />}
        <Chips
          all={false}
          label='残疾'
          options={['0', '1', '2', '3', '4'] as const}
          labels={LEVELS}
          value={String(m.disabilityLevel) as keyof typeof LEVELS}
          onChange={(v) => set('disabilityLevel')(Number(v ?? 0))}
        />
        <Chips
          all={false}
          label='劳动力'
          options={LaborCapacity.options}
          labels={LABOR_CAPACITY_LABELS}
          value={m.laborCapacity}
          onChange={(v) => v && set('laborCapacity')(v)}
        />
        <View className='bf-chips'>
          <View className='bf-chips__label'>在校</View>
          <Select
            name='schooling'
            className='bf-chips__chip bf-chips__chip--on'
            options={schooling.map((s) => SCHOOLING_LABELS[s])}
            value={schooling.indexOf(m.schooling)}
            onChange={(i) => set('schooling')(schooling[i])}
          />
        </View>
        <YesNo label='务工' value={m.employed} onChange={set('employed')} />
        <YesNo label='有收入' value={m.hasIncome} onChange={set('hasIncome')} />
        <YesNo label='赡养人' value={m.hasSupporter} onChange={set('hasSupporter')} />
      </View>
    </View>
  );
}
