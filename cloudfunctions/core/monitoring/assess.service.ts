import { DEFAULT_MONITORING_VALUES, type Assessment, type AssessInput } from '../../../types/monitoring';
import type { DatedValues } from '../../../types/policy';
import { chineseDay } from '../../../types/format';
import { clock } from '../clock';
import { invalid } from '../errors';
import { dateOf } from '../time';
import { assessFamily, monitoringParamsAt } from './risk.rules';

/**
 * 监测自查 (SPEC §3b `assess`, no login): the family's facts on a date (today in China time when
 * left out) through the eight rules, with the dated parameters given (the county's, see
 * params.service.ts; the code defaults when none are given).
 */
export function assess(input: AssessInput, today: string = dateOf(clock.now()), values: DatedValues[] = DEFAULT_MONITORING_VALUES): Assessment {
  const date = input.date ?? today;
  const params = monitoringParamsAt(values, date);
  if (!params) {
    const first = values.map((v) => v.from).sort()[0];
    throw invalid(`${chineseDay(date)}还没有监测参数，最早自${chineseDay(first)}起执行`, [{ path: 'date', message: '日期早于监测参数的生效日期' }]);
  }
  return assessFamily(input.household, date, params);
}
