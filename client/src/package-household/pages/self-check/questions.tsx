import { View } from '@tarojs/components';
import { chinaYear } from '@/utils/dates';
import AmountStepper from './amount-stepper';
import BigChoice from './big-choice';
import { HOUSING, LABOR, MEDICAL_CHIPS, SCHOOL, YES_NO, type CheckForm } from './form';

/** The self-check's questions in plain words: the household's own facts, then each member's. */
export default function Questions({ form, onChange }: { form: CheckForm; onChange: (f: CheckForm) => void }) {
  const set =
    <K extends keyof CheckForm>(key: K) =>
    (value: CheckForm[K]) =>
      onChange({ ...form, [key]: value });
  const setMember = (i: number, patch: Partial<CheckForm['members'][number]>) => set('members')(form.members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const year = chinaYear();
  return (
    <View>
      <View className='sc-section'>家里的情况</View>
      <View className='sc-card'>
        <BigChoice label='住房安全吗' value={form.housingGrade} options={HOUSING} onChange={set('housingGrade')} />
        <BigChoice label='喝的水安全、够用吗' value={form.safeWater} options={YES_NO} onChange={set('safeWater')} />
        <BigChoice label='近 3 个月遇到过急难事吗' hint='如突发重病、受伤、火灾、洪水' value={form.emergency} options={YES_NO} onChange={set('emergency')} />
      </View>
      <View className='sc-section'>收入和看病花费</View>
      <View className='sc-card'>
        <AmountStepper
          label={`${year - 1} 年全家纯收入`}
          hint={`全家 ${form.members.length} 口人一年挣的钱，扣掉种地、养殖等成本`}
          value={form.incomeLast}
          onChange={set('incomeLast')}
        />
        <AmountStepper label={`${year - 2} 年全家纯收入`} value={form.incomeBefore} onChange={set('incomeBefore')} />
        <AmountStepper label='近一年看病自己掏的钱' hint='医保报销以后，自己花的部分' value={form.medical} onChange={set('medical')} chips={MEDICAL_CHIPS} />
      </View>
      <View className='sc-section'>家里的人</View>
      {form.members.map((m, i) => (
        <View key={`${m.name}-${i}`} className='sc-card'>
          <View className='sc-member'>
            {m.name}，{m.age} 岁
          </View>
          <BigChoice label='能干活吗' value={m.laborCapacity} options={LABOR} onChange={(v) => setMember(i, { laborCapacity: v })} />
          <BigChoice label='有子女等人赡养吗' value={m.hasSupporter} options={YES_NO} onChange={(v) => setMember(i, { hasSupporter: v })} />
          {m.age >= 6 && m.age <= 18 && <BigChoice label='在上学吗' value={m.schooling} options={SCHOOL} onChange={(v) => setMember(i, { schooling: v })} />}
        </View>
      ))}
    </View>
  );
}
