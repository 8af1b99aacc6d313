import { type DatedValues, Policy, type PolicyCode } from '../../../types/policy';
import { PARAM_LABELS } from '../../../types/policy';
import { conflict, forbidden, invalid } from '../errors';
import { PARAM_ORDER, PARAM_RANGES } from './catalogue';
import type { AdminCtx } from '../handler';
import { changePolicy } from './policy.repository';
import { dateOf } from '../time';
import { clock } from '../clock';
import type { GapRefresh } from '../../../types/api/benefits';
import { advanceGapRefresh, startGapRefresh } from '../maintenance/gap-refresh';

/** How long a request works on the re-evaluation before answering its progress (the function's timeout is 20 s). */
export const REFRESH_BUDGET_MS = 5_000;

interface UpdateInput {
  code: PolicyCode;
  from: string;
  params: Record<string, number>;
  replace?: boolean;
}

const nameOf = (k: string) => (PARAM_LABELS[k] ?? k).replace(/（[^）]*）$/, '');
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const describe = (params: Record<string, number>) =>
  Object.entries(params)
    .map(([k, v]) => `${nameOf(k)} ${grouped(v)}`)
    .join('，');

/** The first value outside its plausible range, or a lower bound above its upper one, as a sentence. */
export function rangeProblem(code: PolicyCode, params: Record<string, number>): string | null {
  for (const [k, range] of Object.entries(PARAM_RANGES[code] ?? {})) {
    const v = params[k];
    if (v !== undefined && (v < range.min || v > range.max)) {
      return `${nameOf(k)}应在 ${grouped(range.min)}–${grouped(range.max)} ${range.unit}之间，填写的是 ${grouped(v)}`;
    }
  }
  const crossed = PARAM_ORDER.find(([lo, hi]) => lo in params && hi in params && params[lo] > params[hi]);
  return crossed ? `${nameOf(crossed[0])}（${grouped(params[crossed[0]])}）不能高于${nameOf(crossed[1])}（${grouped(params[crossed[1]])}）` : null;
}

/** Why new values cannot be set, or null. The set of parameters stays what the rule reads. */
export function paramsProblem(policy: Policy, input: UpdateInput, today: string): string | null {
  if (input.from < today) return `生效日期 ${input.from} 早于今天：已执行的标准不能改写，请选择今天或以后的日期`;
  const expected = Object.keys(policy.values.at(-1)?.params ?? {});
  if (!expected.length) return `「${policy.label}」是服务类政策，没有可调整的参数`;
  const given = Object.keys(input.params);
  const unknown = given.filter((k) => !expected.includes(k));
  if (unknown.length) return `「${policy.label}」没有参数 ${unknown.join('、')}`;
  const missing = expected.filter((k) => !given.includes(k));
  if (missing.length) return `请填写全部参数，缺少：${missing.map((k) => PARAM_LABELS[k] ?? k).join('、')}`;
  const negative = given.filter((k) => !Number.isFinite(input.params[k]) || input.params[k] < 0);
  if (negative.length) return `参数不能为负数：${negative.map((k) => PARAM_LABELS[k] ?? k).join('、')}`;
  return rangeProblem(policy.code, input.params);
}

/** Appends the values from `from` on; a not-yet-effective entry with the same date is replaced (the caller confirmed). Sorted by date. */
export function withValues(policy: Policy, entry: DatedValues): Policy {
  const values = [...policy.values.filter((v) => v.from !== entry.from), entry].sort((a, b) => a.from.localeCompare(b.from));
  return { ...policy, values };
}

/**
 * 调整政策参数 from a date on. County admins only: the catalogue is county-wide. History is kept
 * (each entry says who set it and when); evaluations read it on the next call. The kept gaps of
 * every household are re-evaluated by a resumable pass this call starts and works on for a few
 * seconds; the admin follows it with `gapRefresh` until it is done.
 */
export async function updatePolicyParams(ctx: AdminCtx, input: UpdateInput): Promise<Policy & { refresh: GapRefresh }> {
  if (ctx.user.scope.level !== 'county') throw forbidden('政策参数由县级扶贫办统一调整，请联系县扶贫办');
  const today = dateOf(ctx.now);
  const entry: DatedValues = { from: input.from, params: input.params, setBy: ctx.user.name, setAt: ctx.now.toISOString() };
  const policy = await changePolicy(input.code, (stored) => {
    const problem = paramsProblem(stored, input, today);
    if (problem) throw invalid(problem);
    // Saving the same date twice would silently overwrite a pending value: the admin confirms first.
    const existing = stored.values.find((v) => v.from === input.from);
    if (existing && !input.replace) {
      throw conflict(`自 ${input.from} 起已设置待执行的参数：${describe(existing.params)}。确认替换后请重新保存`, { existing });
    }
    return withValues(stored, entry);
  });
  await startGapRefresh(`「${policy.label}」自 ${input.from} 起 ${describe(input.params)}`, ctx.user._id, ctx.now);
  return { ...policy, refresh: await advanceGapRefresh(() => clock.now(), REFRESH_BUDGET_MS) };
}

/** 重新测算进度: works on a running pass for a few seconds more, then answers where it is. */
export const gapRefresh = (_ctx: AdminCtx): Promise<GapRefresh> => advanceGapRefresh(() => clock.now(), REFRESH_BUDGET_MS);
