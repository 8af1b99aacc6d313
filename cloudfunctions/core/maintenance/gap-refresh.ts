import { z } from '../../../types/z';
import type { GapRefresh } from '../../../types/api/benefits';
import { readSettingsDoc, writeSettingsDoc } from '../store/settings-docs';
import { countHouseholds, householdIdsAfter } from '../households/household.repository';
import { refreshGaps } from '../benefits/kept-gaps.service';
import { loadPolicies } from '../benefits/policy.repository';
import { dateOf } from '../time';

/**
 * The resumable pass that re-evaluates every household's kept 应享未享 gaps: started by a policy
 * parameter change (the admin who changed it watches its progress) and by the daily timer (what
 * changes with the calendar alone: birthdays, a new year, a parameter's effective date, an
 * emergency's 90 days running out). Its state is one settings document, written after every
 * step: a pass cut off by a function's timeout goes on from its last household at the next call
 * (benefits.gapRefresh, or the next timer). Each step is `refreshGaps` over STEP households,
 * which is idempotent, so a step done twice writes nothing the second time.
 */
const SETTINGS_ID = 'gap-refresh';
const STEP = 200;

const Job = z.object({
  status: z.enum(['idle', 'running', 'done']),
  reason: z.string(),
  startedBy: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The last household id done (the cursor). */
  after: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  changed: z.number().int(),
});
type Job = z.infer<typeof Job>;

const IDLE: Job = { status: 'idle', reason: '', startedBy: null, startedAt: null, finishedAt: null, after: '', done: 0, total: 0, changed: 0 };

async function readJob(): Promise<Job> {
  const doc = await readSettingsDoc(SETTINGS_ID);
  return doc ? Job.parse(doc) : IDLE;
}
const writeJob = (job: Job) => writeSettingsDoc(SETTINGS_ID, job);

const progressOf = (job: Job): GapRefresh => ({
  status: job.status,
  reason: job.reason,
  done: job.done,
  total: job.total,
  changed: job.changed,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
});

/** The pass as it stands (no work done). */
export const gapRefreshProgress = async (): Promise<GapRefresh> => progressOf(await readJob());

/** Starts a pass from the first household (a running one starts over: what it did is re-checked cheaply). */
export async function startGapRefresh(reason: string, startedBy: string | null, now: Date): Promise<GapRefresh> {
  const job: Job = { ...IDLE, status: 'running', reason, startedBy, startedAt: now.toISOString(), total: await countHouseholds() };
  await writeJob(job);
  return progressOf(job);
}

/**
 * Works on a running pass for about `budgetMs` (at least one step), STEP households at a time, recording
 * where it got to after each; answers the progress. A pass that is not running is left as it is.
 */
export async function advanceGapRefresh(now: () => Date, budgetMs: number): Promise<GapRefresh> {
  let job = await readJob();
  if (job.status !== 'running') return progressOf(job);
  const until = Date.now() + budgetMs;
  const policies = await loadPolicies();
  // At least one step per call, so a pass always moves on.
  for (;;) {
    const ids = await householdIdsAfter(job.after, STEP);
    const { changed } = await refreshGaps(ids, now(), { policies });
    const finished = ids.length < STEP;
    job = {
      ...job,
      after: ids.at(-1) ?? job.after,
      done: Math.min(job.total, job.done + ids.length),
      changed: job.changed + changed,
      ...(finished ? { status: 'done' as const, done: job.total, finishedAt: now().toISOString() } : {}),
    };
    if (finished) job.total = Math.max(job.total, job.done);
    await writeJob(job);
    if (finished || Date.now() >= until) break;
  }
  return progressOf(job);
}

/**
 * The daily timer's work: a new pass once a day (China date), then as much of a running pass as
 * the budget allows (a county of 30,000 households takes a few firings when much has changed).
 */
export async function dailyGapRefresh(now: () => Date, budgetMs: number): Promise<GapRefresh> {
  const job = await readJob();
  const today = dateOf(now());
  const lastStarted = job.startedAt ? dateOf(new Date(job.startedAt)) : '';
  if (job.status !== 'running' && lastStarted < today) await startGapRefresh(`每日重新测算（${today}）`, null, now());
  return advanceGapRefresh(now, budgetMs);
}
