import { Policy, POLICY_LABELS, type PolicyCode } from '../../../types/policy';
import { getDb } from '../store';
import { DEFAULT_POLICIES } from './catalogue';

/* The only code that queries `policies` (STYLE: one rule in one place). */

type Tx = Awaited<ReturnType<ReturnType<typeof getDb>['startTransaction']>>;

const named = (p: Policy): Policy => ({ ...p, label: POLICY_LABELS[p.code] });

/**
 * The policy catalogue with its dated parameters: every default policy, each replaced by its stored
 * copy where one is stored (by code). A store holding only the policies an admin has changed (a
 * fresh environment, or one written before a policy joined the catalogue) still answers the whole
 * catalogue, never just the stored few.
 */
export async function loadPolicies(): Promise<Policy[]> {
  const { data } = await getDb().collection('policies').limit(100).get();
  // The name is the catalogue's one name (POLICY_LABELS), whatever an older stored copy says.
  const stored = new Map(data.map((d) => named(Policy.parse(d))).map((p) => [p.code, p]));
  return stored.size ? DEFAULT_POLICIES.map((p) => stored.get(p.code) ?? p) : DEFAULT_POLICIES;
}

/**
 * Replaces one policy with what `change` makes of it (the stored one, or its default until one is
 * stored), in a transaction: two admins changing it at once cannot both win on the same read.
 * Whatever `change` throws aborts the write.
 */
export async function changePolicy(code: PolicyCode, change: (stored: Policy) => Policy): Promise<Policy> {
  let saved: Policy | null = null;
  await getDb().runTransaction(async (tx: Tx) => {
    const { data } = await tx.collection('policies').doc(code).get();
    const stored = data ? named(Policy.parse(data)) : DEFAULT_POLICIES.find((p) => p.code === code)!;
    saved = change(stored);
    if (data) await tx.collection('policies').doc(code).update({ values: saved.values });
    else {
      // The first change of a default policy stores it; `set` takes the id from `doc()`, never from the data (CloudBase refuses `_id` there).
      const { _id, ...fields } = saved!;
      await tx.collection('policies').doc(code).set(fields);
    }
  }, 3);
  return saved!;
}
