import { Policy } from '../../../types/policy';
import { getDb } from '../store';
import { DEFAULT_POLICIES } from './catalogue';

/** The policy catalogue with its dated parameters; the seeded defaults until an admin has stored one. */
export async function loadPolicies(): Promise<Policy[]> {
  const { data } = await getDb().collection('policies').limit(100).get();
  return data.length ? data.map((d) => Policy.parse(d)) : DEFAULT_POLICIES;
}
