import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { Button, ErrorState, Loading } from '@/components/ui';
import { ROUTES } from '@/services/routes';
import { useWebLogin } from './use-web-login';

const ENDED: Record<'expired' | 'declined' | 'used', string> = {
  expired: '二维码已过期',
  declined: '已在手机上取消登录',
  used: '这个二维码已经用过了',
};

/**
 * The address the QR holds: the mini-program's confirm page with the request id. WeChat opens the
 * mini-program for it once 「扫普通链接二维码打开小程序」 maps this prefix to that page
 * (docs/web-sign-in.md); the id alone cannot sign anyone in (the desktop keeps the secret).
 */
const linkOf = (id: string) => `${window.location.origin}${ROUTES.webLogin}?id=${id}`;

/** 扫码登录: the QR, what to do with it, and what happened (scanned, expired, declined). */
export default function QrSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { state, restart } = useWebLogin(onSignedIn);
  return (
    <View className='login__qr-card'>
      <View className='login__qr-title'>微信扫码登录</View>
      <View className='login__note'>请用微信「扫一扫」，在帮扶通小程序中确认。电脑端仅限管理员登录。</View>
      <View className='login__qr-box'>
        {state.step === 'starting' && <Loading text='正在生成二维码…' />}
        {state.step === 'waiting' && <Qr link={linkOf(state.id)} dim={state.scanned} />}
        {state.step === 'signingIn' && <Loading text='已确认，正在登录…' />}
        {state.step === 'ended' && (
          <View className='login__qr-ended'>
            <View className='login__qr-ended-text'>{ENDED[state.reason]}</View>
            <Button type='primary' round onClick={restart}>
              刷新二维码
            </Button>
          </View>
        )}
        {state.step === 'failed' && <ErrorState error={state.error} onRetry={restart} />}
      </View>
      {state.step === 'waiting' && <Hint scanned={state.scanned} expiresAt={state.expiresAt} />}
    </View>
  );
}

function Qr({ link, dim }: { link: string; dim: boolean }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    let alive = true;
    void QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 1, width: 240 }).then((url) => alive && setSrc(url));
    return () => {
      alive = false;
    };
  }, [link]);
  // A plain <img> (this file is H5 only): its alt names the code for screen readers, which Taro's Image does not pass on.
  return src ? <img className={dim ? 'login__qr login__qr--dim' : 'login__qr'} src={src} alt='登录二维码' /> : <Loading />;
}

function Hint({ scanned, expiresAt }: { scanned: boolean; expiresAt: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000));
  if (scanned) return <View className='login__qr-hint login__qr-hint--scanned'>已扫码，请在手机上点「确认登录」</View>;
  return (
    <View className='login__qr-hint'>
      二维码 {Math.floor(left / 60)} 分 {String(left % 60).padStart(2, '0')} 秒后失效
    </View>
  );
}
