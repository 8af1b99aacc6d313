// No schema here: zod is configured (jitless, zh-CN; WeChat forbids `new Function`) by types/z.ts,
// which every schema module imports before it builds a schema. Importing the types barrel here put
// every API's schemas and zod itself in the H5 initial chunk, which the first screen never uses.
import Taro, { usePageNotFound } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { ROUTES } from '@/services/routes';
import { keepAppShellOffline } from '@/services/offline-shell';
import { keepPageStackInStep } from '@/services/page-stack';
import './app.scss';

keepAppShellOffline();
keepPageStackInStep();

export default function App({ children }: PropsWithChildren) {
  // An unknown path (a stale share card, a mistyped H5 address) shows 页面不存在 with a way home
  // instead of a blank screen. WeChat: App.onPageNotFound may redirect to a page of the package;
  // the H5 router calls the same hook when no route matches.
  usePageNotFound(() => void Taro.redirectTo({ url: ROUTES.notFound }).catch(() => Taro.reLaunch({ url: ROUTES.notFound })));
  return children;
}
