import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { WebLoginRequest } from '@bangfu/types/api/auth';
import { Button, Cell, CellGroup, Empty, ErrorState, Loaded, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { fullTime } from '@/utils/dates';
import './index.scss';

/**
 * The request id, as it arrives: `id` (opened from a link), `scene` (a mini-program code), or `q`,
 * the whole scanned address when 「扫普通链接二维码打开小程序」 opened this page (docs/web-sign-in.md).
 */
function requestIdOf(params: Record<string, string | undefined>): string {
  const direct = params.id || params.scene;
  if (direct) return decodeURIComponent(direct);
  const scanned = params.q ? decodeURIComponent(params.q) : '';
  return /[?&]id=([a-f0-9]{32})/.exec(scanned)?.[1] ?? '';
}

/**
 * 电脑端登录确认: opened by scanning the desktop's QR in WeChat. The admin sees which browser asks,
 * from where and when, and lets it in as themselves, or refuses. Only admins may; the server
 * checks, this page only says so.
 */
export default function WebLoginConfirm() {
  const { params } = useRouter();
  const id = requestIdOf(params);
  const request = useRequest(() => api.auth.webLoginPeek({ id }), [id]);
  const [done, setDone] = useState<'confirmed' | 'declined' | null>(null);

  if (done) {
    return (
      <Page>
        <Empty
          image={done === 'confirmed' ? 'default' : 'error'}
          description={done === 'confirmed' ? '已确认登录，请回到电脑上继续操作' : '已取消，这台电脑不会登录'}
        />
      </Page>
    );
  }
  return (
    <Page>
      <Loaded state={request}>{(r) => <Confirm request={r} onDone={setDone} />}</Loaded>
    </Page>
  );
}

function Confirm({ request, onDone }: { request: WebLoginRequest; onDone: (d: 'confirmed' | 'declined') => void }) {
  const [busy, setBusy] = useState<'confirm' | 'decline' | null>(null);
  const [error, setError] = useState<unknown>();
  const act = async (kind: 'confirm' | 'decline') => {
    setBusy(kind);
    setError(undefined);
    try {
      if (kind === 'confirm') await api.auth.webLoginConfirm({ id: request.id, version: request.version });
      else await api.auth.webLoginDecline({ id: request.id });
      onDone(kind === 'confirm' ? 'confirmed' : 'declined');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <View className='web-login__intro'>
        <View className='web-login__title'>有电脑正在请求登录您的账号</View>
        <View className='web-login__note'>请确认是您本人刚刚在电脑上扫码。如果不是，请点「取消」。</View>
      </View>
      <CellGroup inset>
        <Cell title='浏览器' value={request.browser} label={request.userAgent.slice(0, 120)} />
        <Cell title='地点' value={request.place} />
        <Cell title='请求时间' value={fullTime(request.createdAt)} />
        <Cell title='有效期至' value={fullTime(request.expiresAt)} />
      </CellGroup>
      {error !== undefined && <ErrorState error={messageOf(error)} />}
      <View className='web-login__actions'>
        <Button type='primary' block round loading={busy === 'confirm'} disabled={busy !== null} onClick={() => void act('confirm')}>
          确认登录
        </Button>
        <Button block round plain disabled={busy !== null} onClick={() => void act('decline')}>
          取消
        </Button>
      </View>
    </>
  );
}
