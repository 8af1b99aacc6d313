// First import: configures zod (jitless, zh-CN) before any schema exists — WeChat forbids `new Function`.
import '@bangfu/types';
import Taro, { usePageNotFound } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { ROUTES } from '@/services/routes';
import { keepAppShellOffline } from '@/services/offline-shell';
import './app.scss';

keepAppShellOffline();

export default function App({ children }: PropsWithChildren) {
  // An unknown path (a stale share card, a mistyped H5 address) shows 页面不存在 with a way home
  // instead of a blank screen. WeChat: App.onPageNotFound may redirect to a page of the package;
  // the H5 router calls the same hook when no route matches.
  usePageNotFound(() => void Taro.redirectTo({ url: ROUTES.notFound }).catch(() => Taro.reLaunch({ url: ROUTES.notFound })));
  return children;
}
