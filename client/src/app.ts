// First import: configures zod (jitless, zh-CN) before any schema exists — WeChat forbids `new Function`.
import '@bangfu/types';
import type { PropsWithChildren } from 'react';
import './app.scss';

export default function App({ children }: PropsWithChildren) {
  return children;
}
