import { Plan } from '../../../types/plan';
import { getDb } from '../store';

/** The only code that queries `plans` (STYLE: one rule in one place). */
const plans = () => getDb().collection('plans');

export async function findPlan(id: string): Promise<Plan | null> {
  const { data } = await plans().doc(id).get();
  return data.length ? Plan.parse(data[0]) : null;
}

/** Stores a household's first plan of a year under its fixed id; false when one was stored first. */
export async function insertPlan(plan: Plan): Promise<boolean> {
  return plans()
    .add(plan)
    .then(
      () => true,
      () => false,
    );
}

/** Writes the plan only if its stored version is still `expectedVersion`; false when someone changed it first. */
export async function updatePlanIfVersion({ _id, ...fields }: Plan, expectedVersion: number): Promise<boolean> {
  const { updated } = await plans().where({ _id, version: expectedVersion }).update(fields);
  return updated === 1;
}
