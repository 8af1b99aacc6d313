import { Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus, type HouseholdView } from '@bangfu/types';
import { ADJUST_KIND_LABELS, AdjustKind, AdjustStatusInput, STATUS_TRANSITIONS } from '@bangfu/types/api/households';
import { Button, DateSelect, Field, Loaded, Page, Tag } from '@/components/ui';
import Chips from '@/components/household/chips';
import PhotoPicker, { type PickedPhoto } from '@/components/photos/photo-picker';
import { STATUS_TAG } from '@/components/household/labels';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { isApiCallError, messageOf } from '@/services/errors';
import { uploadLocalPhotos } from '@/services/photo-uploads';
import { chinaToday, chineseDate } from '@/utils/dates';
import './index.scss';

/** 动态调整: new identification, return to poverty, exit, risk cleared — only the changes the rules allow. */
export default function AdjustPage() {
  const id = useRouter().params.id ?? '';
  const h = useRequest(() => api.households.get({ householdId: id }), [id]);
  return (
    <Page>
      <Loaded state={h}>{(household) => <AdjustForm household={household} />}</Loaded>
    </Page>
  );
}

function AdjustForm({ household }: { household: HouseholdView }) {
  const [kind, setKind] = useState<AdjustKind>();
  const [to, setTo] = useState<HouseholdStatus>();
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [effectiveOn, setEffectiveOn] = useState(() => chinaToday());
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const status = household.status;
  const kinds = AdjustKind.options.filter((k) => STATUS_TRANSITIONS[k].from.includes(status));
  const targets = kind ? STATUS_TRANSITIONS[kind].to.filter((s) => s !== status) : [];

  const submit = async () => {
    const fields = {
      householdId: household._id,
      kind,
      to,
      reason,
      effectiveOn,
      evidence: evidence.trim() ? [evidence.trim()] : [],
      version: household.version,
    };
    const parsed = AdjustStatusInput.safeParse(fields);
    if (!parsed.success) return setError(!kind ? '请选择调整类型' : !to ? '请选择调整后的状态' : parsed.error.issues[0].message);
    setSaving(true);
    setError('');
    try {
      // Photos are uploaded right before the adjustment (which needs the network anyway); each uploaded
      // id replaces its local file at once, so a retry after a failure never uploads twice.
      const withPaths = (paths: string[]) => photos.map((p, i) => ({ ...p, path: paths[i] }));
      const uploaded = await uploadLocalPhotos(
        photos.map((p) => p.path),
        (done) => setPhotos(withPaths(done)),
      );
      await api.households.adjustStatus({ ...parsed.data, photos: uploaded });
      void Taro.showToast({ title: '已调整', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
    } catch (e) {
      setError(!isApiCallError(e) && e instanceof Error ? e.message : messageOf(e));
      setSaving(false);
    }
  };

  return (
    <>
      <View className='adjust__head'>
        <View className='adjust__title'>{household.headName} 户 · 动态调整</View>
        <View>
          目前：<Tag {...STATUS_TAG[status]}>{HOUSEHOLD_STATUS_LABELS[status]}</Tag>
        </View>
      </View>
      <View className='adjust__card'>
        {kinds.length === 0 ? (
          <View className='adjust__note'>该户目前的状态没有可做的调整。</View>
        ) : (
          <Chips
            all={false}
            label='调整类型'
            options={kinds}
            labels={ADJUST_KIND_LABELS}
            value={kind}
            onChange={(k) => {
              setKind(k);
              setTo(undefined);
            }}
          />
        )}
        {kind && <Chips all={false} label='调整为' options={targets} labels={HOUSEHOLD_STATUS_LABELS} value={to} onChange={setTo} />}
        <View className='bf-chips'>
          <View className='bf-chips__label'>生效日期</View>
          <DateSelect
            name='effectiveOn'
            className='bf-chips__chip bf-chips__chip--on'
            value={effectiveOn}
            end={chinaToday()}
            display={chineseDate(effectiveOn)}
            onChange={setEffectiveOn}
          />
        </View>
        <View className='adjust__label'>调整原因</View>
        <Textarea
          className='adjust__reason'
          name='reason'
          value={reason}
          maxlength={500}
          placeholder='如：家庭年人均纯收入连续两年超过监测标准，经村民代表评议…'
          onInput={(e) => setReason(e.detail.value)}
        />
      </View>
      <Field label='证明材料' value={evidence} maxlength={200} placeholder='如：村评议会记录、收入核算表（选填）' onChange={setEvidence} />
      <View className='adjust__card'>
        <View className='adjust__label'>佐证照片（选填，可拍摄评议记录、核算表等，最多 9 张）</View>
        <PhotoPicker block='adjust-photos' addLabel='＋ 佐证照片' photos={photos} onChange={setPhotos} />
      </View>
      {error && <View className='adjust__error'>{error}</View>}
      <View className='adjust__save'>
        <Button type='primary' block round loading={saving} disabled={kinds.length === 0} onClick={() => void submit()}>
          确认调整
        </Button>
      </View>
    </>
  );
}
