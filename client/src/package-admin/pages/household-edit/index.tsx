import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { HOUSEHOLD_STATUS_LABELS, HousingGrade, POVERTY_CAUSE_LABELS, PovertyCause, type HouseholdStatus, type HouseholdView } from '@bangfu/types';
import type { HouseholdDraft, UpdateHouseholdInput, VillageOption } from '@bangfu/types/api/households';
import { Button, CellGroup, Field, Loaded, Page, Select } from '@/components/ui';
import Chips from '@/components/household/chips';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { urlOf } from '@/services/routes';
import { emptyForm, formOf, newMember, validate, type HouseholdForm } from './form';
import MemberCard from './member-card';
import './index.scss';

const GRADES = { A: 'A 级', B: 'B 级', C: 'C 级', D: 'D 级' } as const;
const NEW_STATUSES: HouseholdStatus[] = ['poor', 'monitored', 'exited_enjoying', 'exited_not_enjoying', 'none'];

/** 新增/编辑户: household facts and members. The status of an existing household changes only by 动态调整. */
export default function HouseholdEditPage() {
  const id = useRouter().params.id;
  const villages = useRequest(() => api.households.villages());
  const stored = useRequest(() => (id ? api.households.get({ householdId: id }) : Promise.resolve(null)), [id]);
  const list = villages.data?.items ?? [];
  return <Page wide>{id ? <Loaded state={stored}>{(h) => <Editor stored={h} villages={list} />}</Loaded> : <Editor villages={list} />}</Page>;
}

/** The form, from the stored household when editing; what is typed stays when saving fails. */
function Editor({ stored, villages: list }: { stored?: HouseholdView; villages: VillageOption[] }) {
  const id = stored?._id;
  const [form, setForm] = useState<HouseholdForm>(() => (stored ? formOf(stored) : emptyForm()));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof HouseholdForm>(key: K) =>
    (value: HouseholdForm[K]) =>
      setForm({ ...form, [key]: value });
  const vIndex = list.findIndex((v) => v._id === form.villageId);
  const toggleCause = (c?: PovertyCause) => c && set('causes')(form.causes.includes(c) ? form.causes.filter((x) => x !== c) : [...form.causes, c]);

  const save = async () => {
    const { input, errors: found } = validate(form, stored ? { householdId: stored._id, version: stored.version } : null);
    setErrors(found);
    if (!input) return;
    setSaving(true);
    try {
      const saved = id ? await api.households.update(input as UpdateHouseholdInput) : await api.households.create(input as HouseholdDraft);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => void (id ? Taro.navigateBack() : Taro.redirectTo({ url: urlOf('householdDetail', { id: saved._id }) })), 600);
    } catch (e) {
      setErrors([messageOf(e)]);
      setSaving(false);
    }
  };

  return (
    <>
      <View className='hh-edit__title'>{stored ? `编辑 ${stored.headName} 户` : '新增户'}</View>
      <CellGroup inset title='户信息'>
        <Field label='户编号' name='code' value={form.code} maxlength={40} placeholder='如 QH-2026-001' onChange={set('code')} />
        <View className='hh-edit__pad'>
          <View className='bf-chips'>
            <View className='bf-chips__label'>所在村</View>
            <Select
              name='villageId'
              className='bf-chips__chip bf-chips__chip--on'
              options={list.map((v) => `${v.townName} · ${v.name}`)}
              value={vIndex}
              onChange={(i) => set('villageId')(list[i]?._id ?? '')}
            />
          </View>
        </View>
        <Field label='住址' name='address' value={form.address} maxlength={100} placeholder='村组门牌' onChange={set('address')} />
        <Field label='识别年度' type='number' value={form.identifiedYear} maxlength={4} onChange={set('identifiedYear')} />
        <Field label='收入年度' type='number' value={form.incomeYear} maxlength={4} onChange={set('incomeYear')} />
        <Field label='家庭年纯收入（元）' name='income' type='number' value={form.income} maxlength={9} placeholder='如 18600' onChange={set('income')} />
        <View className='hh-edit__pad'>
          {!id && (
            <Chips
              all={false}
              label='户类型'
              options={NEW_STATUSES}
              labels={HOUSEHOLD_STATUS_LABELS}
              value={form.status}
              onChange={(v) => v && set('status')(v)}
            />
          )}
          <Chips
            all={false}
            label='住房'
            options={HousingGrade.options}
            labels={GRADES}
            value={form.housingGrade}
            onChange={(v) => v && set('housingGrade')(v)}
          />
          <Chips
            all={false}
            label='安全饮水'
            options={['yes', 'no'] as const}
            labels={{ yes: '是', no: '否' }}
            value={form.safeWater ? 'yes' : 'no'}
            onChange={(v) => set('safeWater')(v === 'yes')}
          />
          <View className='bf-chips'>
            <View className='bf-chips__label'>致贫原因</View>
            {PovertyCause.options.map((c) => (
              <View key={c} className={form.causes.includes(c) ? 'bf-chips__chip bf-chips__chip--on' : 'bf-chips__chip'} onClick={() => toggleCause(c)}>
                {POVERTY_CAUSE_LABELS[c]}
              </View>
            ))}
          </View>
        </View>
      </CellGroup>
      {form.members.map((m, i) => (
        <MemberCard
          key={m.key}
          index={i}
          member={m}
          onChange={(next) => set('members')(form.members.map((x) => (x.key === m.key ? next : x)))}
          onRemove={form.members.length > 1 ? () => set('members')(form.members.filter((x) => x.key !== m.key)) : undefined}
        />
      ))}
      <View className='hh-edit__add' onClick={() => set('members')([...form.members, newMember('child')])}>
        ＋ 添加家庭成员
      </View>
      {errors.length > 0 && (
        <View className='hh-edit__errors'>
          {errors.slice(0, 5).map((e) => (
            <View key={e}>{e}</View>
          ))}
        </View>
      )}
      <View className='hh-edit__save'>
        <Button type='primary' block round loading={saving} loadingText='正在保存…' onClick={() => void save()}>
          保存
        </Button>
      </View>
    </>
  );
}
