import type { Policy, PolicyCode } from '../../../types/policy';
import { DomainError } from '../errors';
import { chineseDay } from '../../../types/format';

/** The values of one policy in force on a date, with the date they apply from so reasons can cite it. */
export interface InForce {
  code: PolicyCode;
  label: string;
  from: string;
  params: Record<string, number>;
}

/**
 * A family cannot be evaluated: a date before the policy had values or a family without members
 * (the caller's input, INVALID_INPUT), or a policy or parameter missing from the catalogue (our
 * data, INTERNAL). A DomainError, so the function handler answers it as `{ ok: false, error }`.
 */
export class EvaluationError extends DomainError {
  constructor(message: string, code: 'INVALID_INPUT' | 'INTERNAL') {
    super(code, message);
    this.name = 'EvaluationError';
  }
}

/** The latest entry whose `from` ≤ date; entries need not be sorted, and a later duplicate wins. */
export function paramsAt(policy: Policy, date: string): InForce {
  let chosen: Policy['values'][number] | undefined;
  for (const entry of policy.values) {
    // ISO dates compare correctly as strings.
    if (entry.from <= date && (!chosen || entry.from >= chosen.from)) chosen = entry;
  }
  if (!chosen) {
    const earliest = policy.values.map((v) => v.from).sort()[0];
    const since = earliest ? `，最早自${chineseDay(earliest)}起执行` : '，尚未设置任何参数';
    throw new EvaluationError(`政策「${policy.label}」在${chineseDay(date)}还没有生效的参数${since}`, 'INVALID_INPUT');
  }
  return { code: policy.code, label: policy.label, from: chosen.from, params: chosen.params };
}

const derived = new WeakMap<InForce, Map<string, unknown>>();

/**
 * Something that depends only on the values in force (a reason's sentence with its amounts), built
 * once per InForce: a sweep evaluates 30,000 families against the same few objects and would
 * otherwise format the same sentence for every member.
 */
export function perParams<T>(params: InForce, key: string, build: () => T): T {
  let byKey = derived.get(params);
  if (!byKey) derived.set(params, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = build();
  byKey.set(key, value);
  return value;
}

/** One named parameter; a missing one is a catalogue error, never a silent NaN in an amount. */
export function param(values: InForce, name: string): number {
  const value = values.params[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EvaluationError(`政策「${values.label}」自${chineseDay(values.from)}起的参数缺少 ${name}`, 'INTERNAL');
  }
  return value;
}
