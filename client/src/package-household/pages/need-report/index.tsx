import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { ReportNeedInput } from '@bangfu/types';
import { Button, CellGroup, Field, Page } from '@/components/ui';
import PhotoPicker from '@/components/photos/photo-picker';
import { useRestoreRefused } from '@/hooks/use-stored-draft';
import { reportNeed } from '@/services/needs';
import { fieldErrorsOf } from '@/services/errors';
import { ROUTES } from '@/services/routes';
import { tell } from '@/services/tell';
import CategoryTiles from './category-tiles';
import { draftFromReport, useReportDraft, type ReportDraft } from './use-report-draft';
import './index.scss';

/** `form`: why the send failed when no one field is to blame, said next to the button. */
type Errors = Partial<Record<'category' | 'description' | 'callbackPhone' | 'form', string>>;

function validate(d: ReportDraft): { input?: ReportNeedInput; errors: Errors } {
  const parsed = ReportNeedInput.safeParse({
    id: d.id,
    category: d.category ?? undefined,
    description: d.description,
    photos: d.photos.map((p) => p.path),
    ...(d.category === 'emergency' && d.callbackPhone.trim() ? { callbackPhone: d.callbackPhone.trim() } : {}),
  });
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof Errors;
    errors[key] ??= key === 'category' ? '请先选一类困难' : issue.message;
  }
  return { errors };
}

/** A queued report shows on 我的求助: go back to it when we came from there, else open it in place. */
function backToMyNeeds() {
  const pages = Taro.getCurrentPages();
  const previous = pages.length > 1 ? (pages[pages.length - 2].route ?? '') : '';
  if (ROUTES.myNeeds.includes(previous.replace(/^\//, '').split('?')[0]) && previous) return Taro.navigateBack();
  return Taro.redirectTo({ url: ROUTES.myNeeds });
}

/**
 * 我要求助: pick what kind of trouble, say it in a sentence, send. Works without signal.
 * `?fix=<id>` opens a report the server refused, to be corrected and sent again.
 */
export default function ReportNeed() {
  const { draft, update, replace, clear, refused } = useReportDraft();
  useRestoreRefused(useRouter().params.fix, draftFromReport, replace);
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const emergency = draft.category === 'emergency';

  const submit = async () => {
    const { input, errors: found } = validate(draft);
    setErrors(found);
    if (!input) return;
    setSending(true);
    try {
      const outcome = await reportNeed(input);
      if (outcome.status === 'failed') {
        // The draft stays to be corrected and sent again under its id; 我的求助 shows the reason meanwhile.
        refused(outcome.error);
        // A problem with one field is said under that field; anything else above the button. Never a
        // dialog: 长辈版 has no pop-ups (SPEC §2), and what was typed stays to be sent again.
        const byField = fieldErrorsOf(outcome.error);
        const placed: Errors = { category: byField.category, description: byField.description, callbackPhone: byField.callbackPhone };
        if (placed.category || placed.description || placed.callbackPhone) return setErrors(placed);
        return setErrors({ form: outcome.error.message });
      }
      clear();
      const sent = outcome.status === 'sent';
      await tell(sent ? '求助已送达帮扶人' : '已存在手机上，联网后自动发送', sent ? 'success' : 'none');
      if (sent) void Taro.redirectTo({ url: `${ROUTES.myNeed}?id=${encodeURIComponent(input.id)}` });
      else void backToMyNeeds();
    } catch (e) {
      setErrors({ form: e instanceof Error ? e.message : '请稍后重试' });
    } finally {
      setSending(false);
    }
  };

  return (
    <Page>
      <View className='report__title'>遇到了什么困难？</View>
      <CategoryTiles
        value={draft.category}
        onChange={(category) => {
          update({ category });
          setErrors((e) => ({ ...e, category: undefined }));
        }}
      />
      {errors.category && <View className='report__error'>{errors.category}</View>}
      <View className='report__section'>简单说说情况（可以用语音输入）</View>
      <Textarea
        className='report__text'
        value={draft.description}
        maxlength={1000}
        placeholder={emergency ? '例如：老人在家摔倒，腿动不了' : '例如：屋顶漏雨，下雨天没法住'}
        onInput={(e) => {
          update({ description: e.detail.value });
          setErrors((x) => ({ ...x, description: undefined }));
        }}
      />
      {errors.description && <View className='report__error'>{errors.description}</View>}
      {emergency && (
        <CellGroup inset>
          <Field
            label='回拨电话'
            name='callbackPhone'
            type='number'
            maxlength={11}
            value={draft.callbackPhone}
            placeholder='帮扶人会打这个电话'
            error={errors.callbackPhone}
            onChange={(callbackPhone) => {
              update({ callbackPhone });
              setErrors((x) => ({ ...x, callbackPhone: undefined }));
            }}
          />
        </CellGroup>
      )}
      <View className='report__section'>照片（可不传）</View>
      <PhotoPicker addLabel='＋ 拍照' photos={draft.photos} onChange={(photos) => update({ photos })} />
      <View className='report__submit'>
        {errors.form && (
          <View className='report__failed' role='alert'>
            没有提交成功：{errors.form}。您写的内容还在，可以再点一次提交。
          </View>
        )}
        <Button type={emergency ? 'danger' : 'primary'} size='large' block round loading={sending} loadingText='正在提交…' onClick={() => void submit()}>
          {emergency ? '提交急难求助' : '提交求助'}
        </Button>
        <View className='report__note'>{emergency ? '急难求助 24 小时内会有人联系您。' : '帮扶人会在 2 个工作日内受理。'}</View>
      </View>
    </Page>
  );
}
