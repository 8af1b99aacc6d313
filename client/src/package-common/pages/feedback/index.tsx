import { tell } from '@/services/tell';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { FEEDBACK_CATEGORY_LABELS, SubmitFeedbackInput, type FeedbackCategory } from '@bangfu/types';
import { Button, Card, Empty, Loaded, Page } from '@/components/ui';
import PhotoPicker, { type PickedPhoto } from '@/components/photos/photo-picker';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { fieldErrorsOf, messageOf } from '@/services/errors';
import { uploadLocalPhotos } from '@/services/photo-uploads';
import { uuid } from '@/services/request-id';
import FeedbackItem from '@/components/feedback/feedback-item';
import '@/components/feedback/feedback.scss';

const CATEGORIES: FeedbackCategory[] = ['suggestion', 'complaint', 'question'];
type Errors = Partial<Record<'category' | 'text' | 'form', string>>;

/**
 * 意见建议 (households and helpers, from 我的): write to the county office — what kind, what,
 * a photo if it helps — then read what was sent and the office's answers below. A failed send keeps
 * what was typed, under the same id, so sending again never stores it twice.
 */
export default function FeedbackPage() {
  const mine = useRequest(() => api.feedback.listMine({ limit: 50 }));
  const [id, setId] = useState(uuid);
  const [category, setCategory] = useState<FeedbackCategory | null>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const parsed = SubmitFeedbackInput.safeParse({ id, category: category ?? undefined, text, photos: photos.map((p) => p.path) });
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'category' ? 'category' : issue.path[0] === 'text' ? 'text' : 'form';
        found[key] ??= key === 'category' ? '请先选一类' : issue.message;
      }
      return setErrors(found);
    }
    setErrors({});
    setSending(true);
    try {
      const uploaded = await uploadLocalPhotos(parsed.data.photos, (done) => setPhotos(done.map((path, i) => ({ path, preview: photos[i]?.preview ?? '' }))));
      await api.feedback.submit({ ...parsed.data, photos: uploaded });
      setId(uuid());
      setCategory(null);
      setText('');
      setPhotos([]);
      void tell('已提交给县扶贫办');
      await mine.reload();
    } catch (e) {
      const byField = fieldErrorsOf(e);
      setErrors({ category: byField.category, text: byField.text, form: byField.category || byField.text ? undefined : `没有提交成功：${messageOf(e)}` });
    } finally {
      setSending(false);
    }
  };

  return (
    <Page>
      <View className='fb-form__section'>您想说的是</View>
      <View className='fb-form__chips'>
        {CATEGORIES.map((c) => (
          <View
            key={c}
            className={category === c ? 'fb-form__chip fb-form__chip--on' : 'fb-form__chip'}
            aria-checked={category === c}
            role='radio'
            onClick={() => {
              setCategory(c);
              setErrors((x) => ({ ...x, category: undefined }));
            }}
          >
            {category === c ? '✓ ' : ''}
            {FEEDBACK_CATEGORY_LABELS[c]}
          </View>
        ))}
      </View>
      {errors.category && <View className='fb-form__error'>{errors.category}</View>}
      <View className='fb-form__section'>具体内容（可以用语音输入）</View>
      <Textarea
        className='fb-form__text'
        value={text}
        maxlength={1000}
        placeholder='例如：希望低保到账时能收到通知'
        onInput={(e) => {
          setText(e.detail.value);
          setErrors((x) => ({ ...x, text: undefined }));
        }}
      />
      {errors.text && <View className='fb-form__error'>{errors.text}</View>}
      <View className='fb-form__section'>照片（可不传，最多 3 张）</View>
      <PhotoPicker addLabel='＋ 照片' photos={photos} onChange={(next) => setPhotos(next.slice(0, 3))} />
      <View className='fb-form__submit'>
        <Button type='primary' size='large' block round loading={sending} loadingText='正在提交…' onClick={() => void submit()}>
          提交给县扶贫办
        </Button>
        {errors.form && <View className='fb-form__error'>{errors.form}</View>}
      </View>
      <Card title='我提交的意见建议'>
        <Loaded state={mine} empty={<Empty description='还没有提交过。有意见或建议，在上面写下就能提交。' />}>
          {(d) => d.items.map((f) => <FeedbackItem key={f._id} item={f} />)}
        </Loaded>
      </Card>
    </Page>
  );
}
