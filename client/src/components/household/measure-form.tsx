import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Picker, View } from '@tarojs/components';
import { MEASURE_CATEGORY_LABELS, MeasureCategory } from '@bangfu/types';
import { Button, Field } from '@/components/ui';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { uuid } from '@/services/request-id';

const CATEGORIES = MeasureCategory.options;

/** 添加帮扶措施: category, what will be done and the target; the caller becomes responsible. */
export default function MeasureForm({ householdId, onSaved }: { householdId: string; onSaved: () => void }) {
  const [category, setCategory] = useState(0);
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!title.trim()) return void Taro.showToast({ title: '请填写措施内容', icon: 'none' });
    setSaving(true);
    try {
      await api.visits.saveMeasure({ householdId, id: uuid(), category: CATEGORIES[category], title: title.trim(), target: target.trim() });
      setTitle('');
      setTarget('');
      void Taro.showToast({ title: '已添加措施', icon: 'success' });
      onSaved();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className='hh-section__form'>
      <Picker mode='selector' range={CATEGORIES.map((c) => MEASURE_CATEGORY_LABELS[c])} value={category} onChange={(e) => setCategory(Number(e.detail.value))}>
        <View className='hh-section__picker'>类别：{MEASURE_CATEGORY_LABELS[CATEGORIES[category]]}</View>
      </Picker>
      <Field label='措施' value={title} maxlength={100} placeholder='如：发展养殖、介绍务工' onChange={setTitle} />
      <Field label='目标' value={target} maxlength={200} placeholder='如：年出栏生猪 10 头（可不填）' onChange={setTarget} />
      <Button size='small' type='primary' plain loading={saving} onClick={() => void save()}>
        添加措施
      </Button>
    </View>
  );
}
