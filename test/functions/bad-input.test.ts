/**
 * Bad input on purpose (STYLE.md, issue #19): every action of every function gets at least 200 (RUNS_OF: fewer for the few that rewrite the whole county)
 * generated malformed payloads, as a caller its access lets through, on one demo county. Whatever
 * comes back must be the envelope — `{ ok: true, data }` or a Chinese `{ ok: false, error }` —
 * never INTERNAL and never a stack trace. Writes that happen to be valid are allowed to succeed.
 */
import fc from 'fast-check';
import { getDb } from '../../cloudfunctions/core/store';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { apis, FUNCTION_NAMES, type Access } from '../../types/api';
import { ErrorCode } from '../../types/common';
import { malformed, validLike, type IdPool } from '../support/fuzz';
import { callRaw as call, freshDemoStore, SEED_NOW } from '../support/store';

const RUNS = 200;
/**
 * Fewer for actions whose every valid call rewrites the whole demo county (about 2 s each): their
 * input is one optional flag, and unknown keys are dropped, so most generated payloads are valid.
 */
const RUNS_OF: Record<string, number> = { 'maintenance.rebuildDerived': 5 };
/** Plausible payloads sent besides, so writes that pass the contract reach the domain rules too. */
const PLAUSIBLE = 20;
/** Same payloads on every run; set FUZZ_SEED to explore others. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261120);

const OPENID = { admin: 'demo-admin', helper: 'demo-helper', household: 'demo-household' } as const;
function callersOf(access: Access): Array<string | undefined> {
  if (access === 'public') return [undefined, OPENID.helper];
  if (access === 'signedIn') return Object.values(OPENID);
  return access.map((role) => OPENID[role]);
}

const STACK = /\n\s+at |\bat [\w$.<>]+ \(|\.[jt]sx?:\d|Error:/;
const CHINESE = /[\u4e00-\u9fff]/;

/** Why an answer breaks the envelope, or null. */
function problemOf(answer: unknown): string | null {
  if (!answer || typeof answer !== 'object') return 'the answer is not an object';
  if (STACK.test(JSON.stringify(answer))) return 'stack trace text in the answer';
  const a = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (a.ok === true) return 'data' in a ? null : 'ok without data';
  if (a.ok !== false || !a.error) return 'neither { ok: true } nor { ok: false, error }';
  const { code, message } = a.error;
  if (!ErrorCode.safeParse(code).success) return `unknown error code ${String(code)}`;
  if (code === 'INTERNAL') return 'INTERNAL';
  if (typeof message !== 'string' || !CHINESE.test(message)) return 'the message is not Chinese';
  return null;
}

/** A payload short enough to read in a failure message. */
const show = (value: unknown) => {
  const text =
    JSON.stringify(value, (_k, v) => {
      if (typeof v === 'string' && v.length > 60) return `<string of ${v.length}>`;
      if (Array.isArray(v) && v.length > 10) return `<array of ${v.length}>`;
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      return v;
    }) ?? String(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

/** Real ids of the demo county, keyed by the field names that carry them. The demo callers' own
 *  accounts and pairings are left out, so an unbind or reassign cannot take them away mid-run. */
async function idPool(): Promise<IdPool> {
  const db = getDb();
  const ids = async (collection: string, where: object = {}, n = 4) =>
    (await db.collection(collection).where(where).limit(n).get()).data.map((d: { _id: string }) => d._id);
  const households = ['hh-000001', 'hh-000002', 'hh-000150', 'hh-999999'];
  const members = (
    await db
      .collection('households')
      .where({ _id: db.command.in(households.slice(0, 2)) })
      .get()
  ).data.flatMap((h: { members: Array<{ id: string }> }) => h.members.map((m) => m.id));
  const helpers = ['helper-1', 'helper-2', 'helper-4', 'helper-30'];
  const others = (await ids('users', { role: 'household' }, 8)).filter((id: string) => id !== 'user-household-1');
  const pairings = (await ids('pairings', { householdId: 'hh-000002' })).concat(await ids('pairings', { householdId: 'hh-000150' }));
  const regions = ['county-1', 'town-1', 'town-2', 'village-1-1', 'village-2-3'];
  const pool: IdPool = {
    householdId: households,
    memberId: members,
    helperId: helpers,
    toHelperId: helpers,
    fromHelperId: helpers.slice(1),
    responsibleId: helpers,
    userId: others,
    needId: await ids('needs'),
    noticeId: await ids('notices'),
    pairingId: pairings,
    villageId: regions.slice(3),
    townId: regions.slice(1, 3),
    regionId: regions,
    visitId: await ids('visits'),
    findingId: await ids('findings'),
    warningId: await ids('warnings'),
  };
  pool.any = [...new Set(Object.values(pool).flat())];
  return pool;
}

const ACTIONS = Object.entries(apis).flatMap(([fn, contract]) =>
  Object.entries(contract.actions).map(([action, spec]) => ({ name: `${fn}.${action}`, fn: fn as keyof typeof FUNCTIONS, action, spec })),
);

let store: ReturnType<typeof freshDemoStore>;
let pool: IdPool;
let logged: jest.SpyInstance;
let prototypeKeys: string[];
const counts = { actions: 0, payloads: 0, internal: 0 };

beforeAll(async () => {
  store = freshDemoStore({ now: SEED_NOW });
  pool = await idPool();
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
  // handler logs an unexpected error by request id; kept for the failure message, not printed.
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => {
  logged.mockRestore();
  store.close();
  console.log(`bad-input: ${counts.actions} actions × ≥${RUNS} payloads = ${counts.payloads} payloads, ${counts.internal} INTERNAL`);
});

describe('malformed payloads', () => {
  it.each(ACTIONS.map((a) => [a.name, a] as const))(
    '%s answers each with the envelope and a Chinese message, never INTERNAL',
    async (name, { fn, action, spec }) => {
      const seed = SEED + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
      const callers = fc.constantFrom(...callersOf(spec.access));
      const samples = [
        ...fc.sample(fc.tuple(malformed(spec.input, pool), callers), { numRuns: RUNS_OF[name] ?? RUNS, seed }),
        ...fc.sample(fc.tuple(validLike(spec.input, pool), callers), { numRuns: Math.min(PLAUSIBLE, RUNS_OF[name] ?? RUNS), seed }),
      ];
      const problems: string[] = [];
      for (const [payload, openid] of samples) {
        logged.mockClear();
        const answer = await call(fn, action, payload, openid);
        counts.payloads++;
        const problem = problemOf(answer);
        if (problem === 'INTERNAL') counts.internal++;
        if (problem)
          problems.push(
            `${problem} · as ${openid ?? 'anonymous'} · payload ${show(payload)} · answer ${show(answer)} · logged ${logged.mock.calls.map((args) => args.map(String).join(' ')).join(' | ')}`,
          );
      }
      counts.actions++;
      expect({ seed, problems: problems.slice(0, 5), total: problems.length }).toEqual({ seed, problems: [], total: 0 });
    },
  );

  it('leaves Object.prototype as it was', () => {
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const HUGE = 'a'.repeat(1_000_000);
const EVENTS: Array<[string, unknown]> = [
  ['no event', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', NaN],
  ['a string', 'list'],
  ['true', true],
  ['an array', [{ action: 'list' }]],
  ['no action', { payload: {} }],
  ['an empty action', { action: '' }],
  ['a numeric action', { action: 42 }],
  ['an array action', { action: ['list'] }],
  ['an operator action', { action: { $ne: '' } }],
  ['a huge action', { action: HUGE }],
  ['an action with NUL', { action: 'list\u0000' }],
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype', 'then'].map((action): [string, unknown] => [
    `action ${action}`,
    { action },
  ]),
  ['an own __proto__ key', JSON.parse('{"__proto__":{"action":"list"},"action":"__proto__"}')],
  ['a huge requestId', { action: 'list', requestId: HUGE }],
  ['an object requestId', { action: 'list', requestId: { $gt: '' } }],
  ['a string payload', { action: 'list', payload: 'x' }],
  ['a huge payload array', { action: 'list', payload: Array(100_000).fill(0) }],
  ['a WeChat CloudID that is not one', { action: 'recordGroupOpen', groupInfo: { cloudID: { $ne: '' }, data: 'x' }, payload: { noticeId: 'x' } }],
  ['a CloudID beside a string payload', { action: 'recordGroupOpen', groupInfo: 'cloud-id', payload: 'x' }],
];
const CONTEXTS: Array<[string, unknown]> = [
  ['demo-admin', { devOpenid: 'demo-admin' }],
  ['no context', undefined],
  ['a context with a non-string openid', { devOpenid: { $ne: '' } }],
];

describe('malformed events', () => {
  it.each(FUNCTION_NAMES)('%s answers every malformed event with the envelope, never INTERNAL', async (fn) => {
    const problems: string[] = [];
    for (const [what, event] of EVENTS) {
      for (const [who, context] of CONTEXTS) {
        const answer = await FUNCTIONS[fn](event, context);
        const problem = problemOf(answer);
        if (problem === 'INTERNAL') counts.internal++;
        if (problem) problems.push(`${problem} · ${what} · ${who} · answer ${show(answer)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
