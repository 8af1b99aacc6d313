import { Picker, View } from '@tarojs/components';
import type { CalculatorMember } from '@bangfu/types';
import { Card, Field } from '@/components/ui';
import { chinaToday, chineseDate, parseDay } from '@/utils/dates';
import Choice, { YES_NO } from './choice';
import { DISABILITY_OPTIONS, LABOR_OPTIONS, SCHOOLING_OPTIONS } from './form';

export interface MemberCardProps {
  index: number;
  member: CalculatorMember;
  onChange: (member: CalculatorMember) => void;
  onRemove?: () => void;
  /** This member's problems by field name (`birthDate`, …), shown next to that field. */
  errors?: Record<string, string>;
}

/** A birth date typed as people write it (1958年5月2日) or picked from a calendar: no format to learn. */
function BirthDate({ index, value, error, onChange }: { index: number; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <View className='calc-birth'>
      <Field label='出生日期' name={`birth-${index}`} value={value} placeholder='例如 1958年5月2日' onChange={onChange} maxlength={16} error={error} />
      <Picker mode='date' value={parseDay(value) ?? '1960-01-01'} start='1900-01-01' end={chinaToday()} onChange={(e) => onChange(chineseDate(e.detail.value))}>
        <View className='calc-birth__pick'>选日期</View>
      </Picker>
    </View>
  );
}

/** One family member's questions, in plain words. */
export default function MemberCard({ index, member, onChange, onRemove, errors = {} }: MemberCardProps) {
  const set =
    <K extends keyof CalculatorMember>(key: K) =>
    (value: CalculatorMember[K]) =>
      onChange({ ...member, [key]: value });
  const others = Object.entries(errors)
    .filter(([k]) => k !== 'birthDate')
    .map(([, m]) => m);
  return (
    <Card
      title={`成员 ${index + 1}`}
      extra={
        onRemove && (
          <View className='calc-remove' onClick={onRemove}>
            删除
          </View>
        )
      }
    >
      <BirthDate index={index} value={member.birthDate} error={errors.birthDate} onChange={set('birthDate')} />
      <Choice label='残疾等级' value={member.disabilityLevel} options={DISABILITY_OPTIONS} onChange={set('disabilityLevel')} />
      <Choice label='有慢性病吗' value={member.chronicIllness} options={YES_NO} onChange={set('chronicIllness')} />
      {member.chronicIllness && <Choice label='办过慢病认定吗' value={member.chronicApproved} options={YES_NO} onChange={set('chronicApproved')} />}
      <Choice label='在校情况' value={member.schooling} options={SCHOOLING_OPTIONS} onChange={set('schooling')} />
      <Choice label='劳动能力' value={member.laborCapacity} options={LABOR_OPTIONS} onChange={set('laborCapacity')} />
      <Choice label='有工作吗' value={member.employed} options={YES_NO} onChange={set('employed')} />
      <Choice label='自己有收入吗' value={member.hasIncome} options={YES_NO} onChange={set('hasIncome')} />
      <Choice label='有子女等赡养人吗' value={member.hasSupporter} options={YES_NO} onChange={set('hasSupporter')} />
      {others.map((m) => (
        <View key={m} className='bf-field__error'>
          {m}
        </View>
      ))}
    </Card>
  );
}
