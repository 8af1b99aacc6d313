import type { ApiResult } from '@bangfu/types';

/** The mini-program is signed in by WeChat itself: there is no web session here (web-session.d.ts). */
export const hasWebSession = () => false;
export const callFunction = (): Promise<ApiResult<unknown>> => Promise.reject(new Error('web sessions are H5 only'));
export const signInWithTicket = (): Promise<void> => Promise.reject(new Error('web sessions are H5 only'));
export const endWebSession = (): Promise<void> => Promise.resolve();
export const uploadFile = (): Promise<string> => Promise.reject(new Error('web sessions are H5 only: the mini program uploads with Taro.cloud.uploadFile'));
