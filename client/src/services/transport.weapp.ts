import Taro from '@tarojs/taro';
import type { ApiResult } from '@bangfu/types';
import { networkFailure } from './errors';
import { uuid } from './request-id';

let initialised = false;

function init() {
  if (initialised) return;
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
  initialised = true;
}

function isResult(value: unknown): value is ApiResult<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function send(fn: string, action: string, payload: unknown, topLevel?: Record<string, unknown>): Promise<ApiResult<unknown>> {
  init();
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { ...topLevel, action, payload, requestId: uuid() } });
    if (isResult(res.result)) return res.result;
    return { ok: false, error: { code: 'INTERNAL', message: '服务返回了无法识别的结果，请稍后重试' } };
  } catch (e) {
    return networkFailure((e as { errMsg?: string })?.errMsg);
  }
}
