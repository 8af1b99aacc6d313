import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { Page } from '@/components/ui';
import { forgetUser } from '@/services/auth';
import { restart, returnTarget, ROUTES } from '@/services/routes';
import { DEMO_SIGN_IN, setDemoOpenid, WEB_SIGN_IN } from '@/services/session';
import QrSignIn from './qr-sign-in';
import './index.scss';

/**
 * The demo account list, required only when DEMO_BUILD (a literal after the build's define) is
 * true: webpack leaves the module out of a production build altogether, which a static import
 * behind a false flag does not guarantee.
 */
const DemoAccounts: typeof import('./demo-accounts').default | null =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.TARO_ENV === 'h5' && DEMO_BUILD ? require('./demo-accounts').default : null;

function enter() {
  forgetUser();
  void restart(returnTarget(Taro.getCurrentInstance().router?.params.redirect) ?? ROUTES.launcher);
}

function signInAsDemo(openid: string) {
  setDemoOpenid(openid);
  enter();
}

/**
 * Sign-in in the browser: admins scan the QR with the mini-program and confirm there (qr-sign-in).
 * A local demo build also lists the seeded accounts, and `?openid=<id>` signs in as one directly
 * (browser tests); a production build has neither. In WeChat the caller comes from the WeChat
 * context, so this page only sends people back to the launcher.
 */
export default function Login() {
  const { params } = useRouter();
  const direct = DEMO_SIGN_IN ? params.openid : undefined;

  useEffect(() => {
    if (!WEB_SIGN_IN) void restart(ROUTES.launcher);
    else if (direct) signInAsDemo(decodeURIComponent(direct));
  }, [direct]);

  if (!WEB_SIGN_IN || direct) return <Page />;
  return (
    <Page wide>
      <View className='login__intro'>
        <View className='login__title'>{DEMO_BUILD ? '帮扶通 · 本地演示' : '帮扶通 · 电脑端登录'}</View>
        <View className='login__note'>县、乡、村管理员在电脑上处理导入、通报和督查整改。</View>
      </View>
      <QrSignIn onSignedIn={enter} />
      {DemoAccounts && <DemoAccounts onPick={signInAsDemo} />}
    </Page>
  );
}
