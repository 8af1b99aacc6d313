import { DatedValues } from '../../../types/policy';
import { DEFAULT_MONITORING_VALUES } from '../../../types/monitoring';
import { z } from '../../../types/z';
import { readSettingsDoc } from '../store/settings-docs';

/**
 * 监测参数 (SPEC §3b, county-editable and dated) as stored in `settings/monitoring`
 * (`{ values: [{ from, params }] }`, written by `npm run deploy` when absent): merged over the
 * defaults by date, a stored entry replacing the default of the same `from` and adding its own
 * dates. A store without the document, or with one that does not parse, answers the defaults.
 */
export const MONITORING_SETTINGS_ID = 'monitoring';
const Stored = z.object({ values: z.array(DatedValues) });

export async function monitoringValues(): Promise<DatedValues[]> {
  const doc = await readSettingsDoc(MONITORING_SETTINGS_ID);
  const stored = doc ? Stored.safeParse(doc) : null;
  if (!stored?.success || !stored.data.values.length) return DEFAULT_MONITORING_VALUES;
  const byDate = new Map(DEFAULT_MONITORING_VALUES.map((v) => [v.from, v]));
  for (const v of stored.data.values) byDate.set(v.from, { ...byDate.get(v.from), ...v, params: { ...byDate.get(v.from)?.params, ...v.params } });
  return [...byDate.values()].sort((a, b) => a.from.localeCompare(b.from));
}
