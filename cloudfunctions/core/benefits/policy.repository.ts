import { Policy, POLICY_LABELS, type PolicyCode } from '../../../types/policy';
import { getDb } from '../store';
import { DEFAULT_POLICIES } from './catalogue';

/* The only code that queries `policies` (STYLE: one rule in one place). */

type Tx = Awaited<ReturnType<ReturnType<typeof getDb>['startTransaction']>>;

const named = (p: Policy): Policy => ({ ...p, label: POLICY_LABELS[p.code] });

/** The policy catalogue with its dated parameters; the seeded defaults until an admin has stored one. */
export async function loadPolicies(): Promise<Policy[]> {
  const { data } = await getDb().collection('policies').limit(100).get();
  // The name is the catalogue's one name (POLICY_LABELS), whatever an older stored copy says.
  return data.length ? data.map((d) => named(Policy.parse(d))) : DEFAULT_POLICIES;
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
    else await tx.collection('policies').doc(code).set({ ...saved });
  }, 3);
  return saved!;
}
