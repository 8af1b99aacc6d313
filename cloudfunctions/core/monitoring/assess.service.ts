import type { Assessment, AssessInput } from '../../../types/monitoring';
import type { DatedValues } from '../../../types/policy';
import { chineseDay } from '../../../types/format';
import { invalid } from '../errors';
import { assessFamily, monitoringParamsAt } from './risk.rules';

/**
 * 监测自查 (SPEC §3b `assess`, no login): the family's facts on a date (today in China time when
 * left out) through the eight rules, with the county's dated parameters (`monitoringValues()` in
 * params.service.ts, the one reader of `settings/monitoring`): every caller passes them.
 */
export function assess(input: AssessInput, today: string, values: DatedValues[]): Assessment {
  const date = input.date ?? today;
  const params = monitoringParamsAt(values, date);
  if (!params) {
    const first = values.map((v) => v.from).sort()[0];
    throw invalid(`${chineseDay(date)}还没有监测参数，最早自${chineseDay(first)}起执行`, [{ path: 'date', message: '日期早于监测参数的生效日期' }]);
  }
  return assessFamily(input.household, date, params);
}
