import { PARAM_LABELS } from '@bangfu/types';
import { thousands } from '@/utils/format';

/** One dated entry's parameters as a line: 「低保标准（元/人/年） 5,160；…」. */
export const describe = (params: Record<string, number>): string =>
  Object.entries(params)
    .map(([k, v]) => `${PARAM_LABELS[k] ?? k} ${thousands(v)}`)
    .join('；') || '服务类，无金额参数';
