/**
 * Issue #13 item 16: one name per policy in every place. A household told 高龄老人补贴 on one page
 * and 经济困难老年人补贴 on another asks which of the two it gets.
 */
import { getDb } from '../../cloudfunctions/core/store';
import { DEFAULT_POLICIES } from '../../cloudfunctions/core/benefits/catalogue';
import { loadPolicies } from '../../cloudfunctions/core/benefits/policy.repository';
import { POLICY_LABELS } from '../../types/policy';
import { POLICY_NAMES } from '../../client/src/components/benefits/labels';
import { call, freshDemoStore, ok, SEED_NOW } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

/** Other names the same policies went by before: none may appear anywhere a person reads. */
const OTHER_NAMES = [/高龄老人补贴/, /高龄补贴/, /(?<!学前至)义务教育免费/, /特困供养(?!人员)/, /农村低保/, /^低保$/, /^医保代缴$/, /^养老保险代缴$/];

describe('one name per policy', () => {
  it('the catalogue, the client screens and the policy list call each policy by the same name', async () => {
    expect(Object.fromEntries(DEFAULT_POLICIES.map((p) => [p.code, p.label]))).toEqual(POLICY_LABELS);
    expect(POLICY_NAMES).toEqual(POLICY_LABELS);
    const { items } = await ok(call('benefits', 'listPolicies', {}));
    expect(Object.fromEntries(items.map((p: any) => [p.code, p.label]))).toEqual(POLICY_LABELS);
    for (const name of Object.values(POLICY_LABELS)) for (const other of OTHER_NAMES) expect(name).not.toMatch(other);
  });

  it('a stored catalogue entry under an older name is still shown under the one name', async () => {
    const { _id, ...entry } = DEFAULT_POLICIES.find((p) => p.code === 'elderly_allowance')!;
    await getDb()
      .collection('policies')
      .doc(_id)
      .set({ ...entry, label: '高龄老人补贴' });
    const stored = (await loadPolicies()).find((p) => p.code === 'elderly_allowance')!;
    expect(stored.label).toBe('经济困难老年人补贴');
  });

  it('no reason given to a household names a policy by another name', async () => {
    const { data } = await getDb().collection('households').where({ countyId: 'county-1' }).limit(60).get();
    const reasons = new Set<string>();
    for (const h of data) {
      const b = await ok(call('benefits', 'evaluateHousehold', { householdId: h._id }, 'demo-admin'));
      for (const d of b.decisions) for (const r of d.reasons) reasons.add(r);
    }
    expect(reasons.size).toBeGreaterThan(20);
    expect([...reasons].some((r) => r.includes('经济困难老年人补贴'))).toBe(true);
    const misnamed = [...reasons].filter((r) => OTHER_NAMES.some((o) => o.test(r)));
    expect(misnamed).toEqual([]);
  });
});
