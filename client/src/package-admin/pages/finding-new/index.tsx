import Taro, { useRouter } from '@tarojs/taro';
import { Picker, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  CreateFindingInput,
  FINDING_CATEGORY_LABELS,
  FINDING_SEVERITY_LABELS,
  FINDING_SOURCE_LABELS,
  FINDING_SUBJECT_LABELS,
  FindingCategory,
  FindingSeverity,
  FindingSource,
  FindingSubjectKind,
} from '@bangfu/types';
import { Button, Field, Page } from '@/components/ui';
import { api } from '@/services/client';
import { isApiCallError, messageOf } from '@/services/errors';
import { ROUTES } from '@/services/routes';
import { chinaToday } from '@/utils/dates';
import { Chips, HelperSearch, HouseholdSearch, VillagePick, type Picked } from './pickers';
import './index.scss';

const QUICK_DAYS = [7, 15, 30, 60];
const DAY = 86_400_000;
type Errors = Record<string, string>;

/** `2026-12-14` + `00:30` read on China's wall clock → the instant (what the server stores). */
const chinaInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

/** The first message per field of a zod issue list or a server's INVALID_INPUT details. */
function byField(issues: Array<{ path: string; message: string }>): Errors {
  const out: Errors = {};
  for (const i of issues) out[i.path.split('.')[0] || 'form'] ??= i.message;
  return out;
}

/** 登记督查问题: what was found, about whom, by when, and who must fix it. `?householdId=` preselects the household. */
export default function FindingNew() {
  const { householdId } = useRouter().params;
  const [source, setSource] = useState<FindingSource>();
  const [category, setCategory] = useState<FindingCategory>();
  const [severity, setSeverity] = useState<FindingSeverity>('minor');
  const [kind, setKind] = useState<FindingSubjectKind>('household');
  const [subject, setSubject] = useState<Picked | null>(null);
  const [unit, setUnit] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('18:00');
  const [leadUnit, setLeadUnit] = useState('');
  const [responsibleUnit, setResponsibleUnit] = useState('');
  const [responsible, setResponsible] = useState<Picked | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  /** A field's message goes once the field is changed; the others stay until the next 登记. */
  const edit =
    <T,>(key: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
    };

  useEffect(() => {
    if (!householdId) return;
    api.households
      .get({ householdId })
      .then((h) => setSubject({ id: h._id, name: `${h.headName}户（${h.code}）` }))
      .catch(() => undefined);
  }, [householdId]);

  const changeKind = (k: FindingSubjectKind) => {
    setKind(k);
    setSubject(null);
    setErrors((e) => ({ ...e, subject: '' }));
  };
  const quick = (days: number) => edit('deadline', setDate)(chinaToday(Date.now() + days * DAY));

  const submit = async () => {
    const draft = {
      source,
      category,
      severity,
      description,
      subject: { kind, id: kind === 'unit' ? unit.trim() : (subject?.id ?? '') },
      deadline: date ? chinaInstant(date, time) : '',
      ...(leadUnit.trim() ? { leadUnit: leadUnit.trim() } : {}),
      ...(responsibleUnit.trim() ? { responsibleUnit: responsibleUnit.trim() } : {}),
      ...(responsible ? { responsibleId: responsible.id } : {}),
    };
    const parsed = CreateFindingInput.safeParse(draft);
    const found = parsed.success ? {} : byField(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
    if (!source) found.source = '请选择问题来源';
    if (!category) found.category = '请选择问题类别';
    if (!date) found.deadline = '请选择整改时限';
    else if (Date.parse(draft.deadline) <= Date.now()) found.deadline = '整改时限须晚于现在';
    setErrors(found);
    if (Object.keys(found).length || !parsed.success) return;
    setBusy(true);
    try {
      const created = await api.findings.create(parsed.data);
      void Taro.showToast({ title: `已登记 ${created.code}`, icon: 'success' });
      void Taro.redirectTo({ url: `${ROUTES.finding}?id=${encodeURIComponent(created._id)}` });
    } catch (e) {
      const details = isApiCallError(e) && Array.isArray(e.details) ? (e.details as Array<{ path: string; message: string }>) : [];
      setErrors(details.length ? byField(details) : { form: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const err = (k: string) => errors[k] && <View className='finding-new__error'>{errors[k]}</View>;
  return (
    <Page wide>
      <View className='finding-new__title'>登记督查问题</View>
      <View className='finding-new__card'>
        <View className='finding-new__label'>问题来源</View>
        <Chips options={FindingSource.options} labels={FINDING_SOURCE_LABELS} value={source} onChange={edit('source', setSource)} />
        {err('source')}
        <View className='finding-new__label'>问题类别</View>
        <Chips options={FindingCategory.options} labels={FINDING_CATEGORY_LABELS} value={category} onChange={edit('category', setCategory)} />
        {err('category')}
        <View className='finding-new__label'>严重程度</View>
        <Chips options={FindingSeverity.options} labels={FINDING_SEVERITY_LABELS} value={severity} onChange={setSeverity} />
      </View>
      <View className='finding-new__card'>
        <View className='finding-new__label'>问题对象</View>
        <Chips options={FindingSubjectKind.options} labels={FINDING_SUBJECT_LABELS} value={kind} onChange={changeKind} />
        {kind === 'household' && <HouseholdSearch picked={subject} onPick={edit('subject', setSubject)} />}
        {kind === 'village' && <VillagePick picked={subject} onPick={edit('subject', setSubject)} />}
        {kind === 'helper' && <HelperSearch label='查找帮扶人' placeholder='帮扶责任人姓名' picked={subject} onPick={edit('subject', setSubject)} />}
        {kind === 'unit' && <Field label='单位名称' name='unit' value={unit} onChange={edit('subject', setUnit)} placeholder='如：县交通运输局' />}
        {err('subject')}
      </View>
      <View className='finding-new__card'>
        <View className='finding-new__label'>问题描述</View>
        <Textarea
          className={errors.description ? 'finding-new__text finding-new__text--error' : 'finding-new__text'}
          value={description}
          maxlength={2000}
          placeholder='发现了什么问题，依据是什么'
          onInput={(e) => edit('description', setDescription)(e.detail.value)}
        />
        {err('description')}
      </View>
      <View className='finding-new__card'>
        <View className='finding-new__label'>整改时限</View>
        <View className='finding-new__chips'>
          {QUICK_DAYS.map((d) => (
            <View
              key={d}
              className={date === chinaToday(Date.now() + d * DAY) ? 'finding-new__chip finding-new__chip--on' : 'finding-new__chip'}
              onClick={() => quick(d)}
            >
              {d} 天
            </View>
          ))}
        </View>
        <View className='finding-new__when'>
          <Picker mode='date' value={date || chinaToday()} start={chinaToday()} onChange={(e) => edit('deadline', setDate)(String(e.detail.value))}>
            <View className='finding-new__pick'>{date ? `日期 ${date}` : '选择日期'}</View>
          </Picker>
          <Picker mode='time' value={time} onChange={(e) => setTime(String(e.detail.value))}>
            <View className='finding-new__pick'>时间 {time}</View>
          </Picker>
        </View>
        {err('deadline')}
      </View>
      <View className='finding-new__card'>
        <Field label='牵头单位' name='leadUnit' value={leadUnit} onChange={setLeadUnit} placeholder='选填，如：县乡村振兴局' error={errors.leadUnit} />
        <Field
          label='责任单位'
          name='responsibleUnit'
          value={responsibleUnit}
          onChange={setResponsibleUnit}
          placeholder='选填，如：乡镇人民政府'
          error={errors.responsibleUnit}
        />
        <HelperSearch label='责任人' placeholder='选填；不填则为该户的主帮扶人' picked={responsible} onPick={setResponsible} error={errors.responsibleId} />
      </View>
      {err('form')}
      <View className='finding-new__submit'>
        <Button type='primary' block round loading={busy} onClick={() => void submit()}>
          登记问题
        </Button>
      </View>
    </Page>
  );
}
