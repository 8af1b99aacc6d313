import { Switch, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { NOTICE_BODY_MAX, type ActionInput, type NoticeRole, type noticesApi } from '@bangfu/types';
import { Button, ErrorState, Field, Loading, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { messageOf } from '@/services/errors';
import { api } from '@/services/client';
import { urlOf } from '@/services/routes';
import AudiencePicker from './audience-picker';
import './index.scss';

interface Form {
  title: string;
  body: string;
  roles: NoticeRole[];
  regionIds: string[];
  requireAck: boolean;
  pinned: boolean;
}
const EMPTY: Form = { title: '', body: '', roles: ['helper'], regionIds: [], requireAck: true, pinned: false };

function toDraft(form: Form, noticeId?: string): ActionInput<typeof noticesApi, 'publish'> {
  return {
    ...(noticeId ? { noticeId } : {}),
    title: form.title,
    body: form.body,
    requireAck: form.requireAck,
    pinned: form.pinned,
    audience: { roles: form.roles, ...(form.regionIds.length ? { regionIds: form.regionIds } : {}) },
  };
}

/** Loads a draft into the form when editing (`?id=`); a new notice starts empty. */
function useForm(draftId: string | undefined) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [loading, setLoading] = useState(!!draftId);
  useEffect(() => {
    if (!draftId) return;
    api.notices
      .get({ noticeId: draftId })
      .then((n) =>
        setForm({ title: n.title, body: n.body, roles: n.audience.roles, regionIds: n.audience.regionIds ?? [], requireAck: n.requireAck, pinned: n.pinned }),
      )
      .catch((e) => void Taro.showToast({ title: messageOf(e), icon: 'none' }))
      .finally(() => setLoading(false));
  }, [draftId]);
  return { form, setForm, loading };
}

/** 写通知: title, body (paragraphs, "- " lists, **bold**), audience roles × regions, 已知悉, pinned; save as draft or publish. */
export default function NoticeCompose() {
  const { params } = useRouter();
  const [draftId, setDraftId] = useState(params.id);
  const { form, setForm, loading } = useForm(params.id);
  const options = useRequest(() => api.notices.audienceOptions());
  const [busy, setBusy] = useState<'draft' | 'publish' | null>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (kind: 'draft' | 'publish') => {
    setBusy(kind);
    try {
      const saved = kind === 'draft' ? await api.notices.saveDraft(toDraft(form, draftId)) : await api.notices.publish(toDraft(form, draftId));
      setDraftId(saved._id);
      await Taro.showToast({ title: kind === 'draft' ? '草稿已保存' : '通知已发布', icon: 'success' });
      if (kind === 'publish') await Taro.redirectTo({ url: urlOf('noticeDetail', { id: saved._id }) });
    } catch (e) {
      // The form keeps everything typed; the message says what to fix.
      void Taro.showToast({ title: messageOf(e), icon: 'none', duration: 3000 });
    } finally {
      setBusy(null);
    }
  };

  if (loading)
    return (
      <Page wide>
        <Loading />
      </Page>
    );
  return (
    <Page wide>
      <View className='nc__heading'>{draftId ? '编辑草稿' : '写通知'}</View>
      <View className='nc__card'>
        <Field label='标题' name='title' value={form.title} maxlength={60} placeholder='例如：关于开展本月入户走访的通知' onChange={(v) => set('title', v)} />
        <View className='nc__label'>正文</View>
        <Textarea
          className='nc__body'
          name='body'
          value={form.body}
          maxlength={NOTICE_BODY_MAX}
          placeholder={'空一行分段；以“- ”开头的行是列表；**加粗**'}
          onInput={(e) => set('body', e.detail.value)}
        />
        <View className='nc__count'>
          {form.body.length}/{NOTICE_BODY_MAX}
        </View>
      </View>
      {options.error && !options.data ? (
        <ErrorState error={options.error} onRetry={options.reload} />
      ) : (
        <AudiencePicker
          regions={options.data?.regions ?? []}
          roles={form.roles}
          regionIds={form.regionIds}
          onRoles={(r) => set('roles', r)}
          onRegions={(r) => set('regionIds', r)}
        />
      )}
      <View className='nc__card'>
        <View className='nc__switch'>
          <View>需要回复“已知悉”</View>
          <Switch checked={form.requireAck} color='#1989fa' onChange={(e) => set('requireAck', e.detail.value)} />
        </View>
        <View className='nc__switch'>
          <View>置顶</View>
          <Switch checked={form.pinned} color='#1989fa' onChange={(e) => set('pinned', e.detail.value)} />
        </View>
      </View>
      <View className='nc__actions'>
        <Button round disabled={!!busy} loading={busy === 'draft'} onClick={() => void submit('draft')}>
          保存草稿
        </Button>
        <Button type='primary' round disabled={!!busy} loading={busy === 'publish'} onClick={() => void submit('publish')}>
          发布
        </Button>
      </View>
    </Page>
  );
}
