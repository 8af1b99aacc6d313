import type { DerivedStatus, RebuildStep } from '../../../types/api/maintenance';
import { forbidden } from '../errors';
import type { AdminCtx } from '../handler';
import { derivedStatus, rebuildDerivedStep } from './derived';

/**
 * Work per call: well inside the maintenance function's timeout (cloudbaserc.json gives it 60 s;
 * test/functions/maintenance.test.ts holds the two together), leaving room for the last page and
 * the progress write.
 */
export const STEP_BUDGET_MS = 20_000;

/** The whole store is rewritten, whatever region: only a county admin may start it. */
const countyOnly = (ctx: AdminCtx) => {
  if (ctx.user.scope.level !== 'county') throw forbidden('数据维护影响全县数据，请由县级扶贫办操作');
};

export async function status(ctx: AdminCtx): Promise<DerivedStatus> {
  countyOnly(ctx);
  return derivedStatus();
}

export async function rebuild(ctx: AdminCtx, input: { restart?: boolean }, budgetMs = STEP_BUDGET_MS): Promise<RebuildStep> {
  countyOnly(ctx);
  return rebuildDerivedStep(ctx.now, { budgetMs, restart: input.restart });
}
