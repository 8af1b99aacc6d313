import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { ErrorState, Loading, Page } from '@/components/ui';
import { whoami } from '@/services/auth';
import { isApiCallError } from '@/services/errors';
import { go, HOME_OF, restart, ROUTES } from '@/services/routes';
import { clearDemoOpenid, needsSignIn, WEB_SIGN_IN } from '@/services/session';
import { endWebSession, hasWebSession } from '@/services/web-session';
import './index.scss';

/** The launcher: finds out who is here and sends them to their role's home. */
export default function Launcher() {
  const [error, setError] = useState<unknown>();

  const start = useCallback(async () => {
    setError(undefined);
    if (needsSignIn() && !hasWebSession()) {
      void go(ROUTES.login);
      return;
    }
    try {
      const me = await whoami();
      void go(me.role ? HOME_OF[me.role] : ROUTES.bind);
    } catch (e) {
      if (WEB_SIGN_IN && isApiCallError(e) && e.code === 'UNAUTHENTICATED') {
        clearDemoOpenid();
        await endWebSession();
        void restart(ROUTES.login);
        return;
      }
      setError(e);
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  return (
    <Page>
      <View className='launcher'>
        <View className='launcher__brand'>帮扶通</View>
        <View className='launcher__slogan'>精准帮扶 · 防止返贫</View>
        {error ? <ErrorState error={error} onRetry={start} /> : <Loading text='正在进入…' />}
      </View>
    </Page>
  );
}
