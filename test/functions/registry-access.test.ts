/**
 * The permission matrix (issue 3): every action of households, assignments and auth, called by
 * every role and scope against a household inside or outside the caller's reach. Each action runs
 * on a fresh demo county so writes of one row cannot hide a leak in another.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { getDb } from '../../cloudfunctions/core/store';
import { idCheckChar } from '../../types';
import { freshDemoStore, call, SEED_NOW } from '../support/store';
import { uploadAs } from '../support/files';
import { doorCodeOf } from '../../cloudfunctions/core/households/door-code.service';
import { keepDoorCode } from '../../cloudfunctions/core/households/door-code.repository';

type Row = { who: string; openid?: string; target: () => Promise<string> };
/** ok: answered; empty: answered with nothing in it; a code: refused (or, for INVALID_INPUT/CONFLICT, let past access and refused on the merits). */
type Outcome = 'ok' | 'empty' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'INVALID_INPUT' | 'CONFLICT';

const db = () => getDb();
const hhIn = async (where: Record<string, unknown>) =>
  (await db().collection('households').where(where).orderBy('code', 'asc').limit(1).get()).data[0]._id as string;
const own = async () => 'hh-000001';

const ROWS: Row[] = [
  { who: 'county admin · in county', openid: 'demo-admin', target: own },
  { who: 'town admin · own town', openid: 'demo-town-admin', target: own },
  { who: 'town admin · other town', openid: 'demo-town-admin', target: () => hhIn({ townId: 'town-2' }) },
  { who: 'village admin · own village', openid: 'demo-village-admin', target: own },
  { who: 'village admin · other village', openid: 'demo-village-admin', target: () => hhIn({ villageId: 'village-1-2' }) },
  { who: 'helper · paired household', openid: 'demo-helper', target: own },
  { who: 'helper · household not paired', openid: 'demo-helper', target: () => hhIn({ townId: 'town-2' }) },
  { who: 'household · own', openid: 'demo-household', target: own },
  { who: 'household · other', openid: 'demo-household', target: async () => 'hh-000002' },
  { who: 'WeChat user not bound', openid: 'wx-unbound', target: own },
  { who: 'anonymous', openid: undefined, target: own },
];

const household = async (id: string) => (await db().collection('households').doc(id).get()).data[0];
const primaryOf = async (id: string) => (await db().collection('pairings').where({ householdId: id, role: 'primary', active: true }).get()).data[0];
/** Another cadre of the household's town than its current primary helper. */
async function otherCadre(id: string): Promise<string> {
  const [h, p] = [await household(id), await primaryOf(id)];
  const { data } = await db().collection('users').where({ role: 'helper', helperKind: 'cadre', 'scope.regionId': h.townId }).get();
  return data.find((u) => u._id !== p.helperId)!._id;
}
const NEXT: Record<string, [string, string]> = {
  poor: ['exit', 'exited_enjoying'],
  exited_enjoying: ['return_to_poverty', 'monitored'],
  exited_not_enjoying: ['return_to_poverty', 'monitored'],
  monitored: ['risk_cleared', 'none'],
  none: ['new_identification', 'monitored'],
};
let seq = 0;
const newId = () => {
  const f = `990401198001${String(10 + (seq % 18)).padStart(2, '0')}${String(++seq).padStart(3, '0')}`;
  return f + idCheckChar(f);
};
const ADMINS = ['demo-admin', 'demo-town-admin', 'demo-village-admin'];
/** The sample sheet as the calling admin uploaded it (an upload is its uploader's); others get the county admin's. */
const sampleSheet = (row: Row) =>
  uploadAs(
    ADMINS.includes(row.openid ?? '') ? row.openid! : 'demo-admin',
    readFileSync(path.resolve(__dirname, '../fixtures/registry-sample.xlsx')),
    'sample.xlsx',
  );

type Spec = { payload: (hh: string, row: Row) => Promise<unknown>; expect: Outcome[] };
const F = 'FORBIDDEN',
  N = 'NOT_FOUND',
  U = 'UNAUTHENTICATED';
//                      county  town   town-x village vill-x helper help-x  own   other unbound anon
const ADMIN_ONLY: Outcome[] = ['ok', 'ok', N, 'ok', N, F, F, F, F, F, U];
//                      county  town   town-x village vill-x helper help-x  own   other unbound anon
const ADMIN_SESSION: Outcome[] = ['ok', 'ok', 'ok', 'ok', 'ok', F, F, F, F, F, U];

/** A printed card's door code for a household (stored as households.doorCode stores it). */
async function doorCodeFor(id: string): Promise<string> {
  await keepDoorCode(doorCodeOf(id), id, SEED_NOW.toISOString());
  return doorCodeOf(id);
}
/** A desktop's fresh sign-in request (auth.webLoginStart, public). */
async function webLoginRequest(): Promise<{ id: string; secret: string }> {
  return ((await call('auth', 'webLoginStart', { userAgent: 'Mozilla/5.0 (matrix)' })) as any).data;
}

const MATRIX: Record<string, Record<string, Spec>> = {
  households: {
    list: { payload: async (hh) => ({ villageId: (await household(hh)).villageId }), expect: ['ok', 'ok', 'empty', 'ok', 'empty', 'ok', 'empty', F, F, F, U] },
    get: { payload: async (hh) => ({ householdId: hh }), expect: ['ok', 'ok', N, 'ok', N, 'ok', N, 'ok', N, F, U] },
    create: {
      payload: async (hh) => ({
        code: `M-${seq}`,
        villageId: (await household(hh)).villageId,
        address: '1组',
        status: 'monitored',
        identifiedYear: 2024,
        housingGrade: 'A',
        members: [{ name: '矩阵', relation: 'head', idNumber: newId(), health: 'healthy', laborCapacity: 'full' }],
      }),
      expect: ADMIN_ONLY,
    },
    update: { payload: async (hh) => ({ householdId: hh, version: (await household(hh)).version, address: '新址' }), expect: ADMIN_ONLY },
    adjustStatus: {
      payload: async (hh) => {
        const h = await household(hh);
        const [kind, to] = NEXT[h.status];
        return { householdId: hh, kind, to, reason: '矩阵测试', effectiveOn: '2026-11-01', version: h.version };
      },
      expect: ADMIN_ONLY,
    },
    reveal: { payload: async (hh) => ({ householdId: hh, memberId: (await household(hh)).members[0].id, field: 'idNumber' }), expect: ADMIN_ONLY },
    importXlsx: { payload: async (_hh, row) => ({ fileId: await sampleSheet(row) }), expect: ['ok', 'ok', 'ok', 'ok', 'ok', F, F, F, F, F, U] },
    villages: { payload: async () => ({}), expect: ['ok', 'ok', 'ok', 'ok', 'ok', F, F, F, F, F, U] },
    doorCode: { payload: async (hh) => ({ householdId: hh }), expect: ['ok', 'ok', N, 'ok', N, 'ok', N, F, F, F, U] },
    openDoorCode: { payload: async (hh) => ({ scene: await doorCodeFor(hh) }), expect: ['ok', 'ok', N, 'ok', N, 'ok', N, 'ok', N, F, U] },
    exportXlsx: { payload: async (hh) => ({ villageId: (await household(hh)).villageId }), expect: ['ok', 'ok', 'empty', 'ok', 'empty', F, F, F, F, F, U] },
    importTemplate: { payload: async () => ({}), expect: ['empty', 'empty', 'empty', 'empty', 'empty', F, F, F, F, F, U] },
  },
  assignments: {
    assign: { payload: async (hh) => ({ householdId: hh, helperId: await otherCadre(hh), role: 'primary' }), expect: ADMIN_ONLY },
    unassign: {
      payload: async (hh) => ({ pairingId: (await primaryOf(hh))._id }),
      expect: ['INVALID_INPUT', 'INVALID_INPUT', N, 'INVALID_INPUT', N, F, F, F, F, F, U],
    },
    listByHelper: {
      payload: async (hh, row) => ({ helperId: row.openid === 'demo-helper' && hh === 'hh-000001' ? 'helper-1' : (await primaryOf(hh)).helperId }),
      expect: ['ok', 'ok', N, 'ok', 'ok', 'ok', F, F, F, F, U],
    },
    reassign: { payload: async (hh) => ({ pairingIds: [(await primaryOf(hh))._id], toHelperId: await otherCadre(hh) }), expect: ADMIN_ONLY },
    reassignAll: {
      payload: async (hh) => ({ fromHelperId: (await primaryOf(hh)).helperId, toHelperId: await otherCadre(hh) }),
      expect: ['ok', 'ok', N, 'ok', 'ok', F, F, F, F, F, U],
    },
    listByHousehold: { payload: async (hh) => ({ householdId: hh }), expect: ['ok', 'ok', N, 'ok', N, 'ok', N, 'ok', N, F, U] },
    listHelpers: { payload: async () => ({}), expect: ['ok', 'ok', 'ok', 'ok', 'ok', F, F, F, F, F, U] },
    // Every demo household has a primary helper: admins get an empty list, others are refused.
    listUnpaired: { payload: async () => ({}), expect: ['empty', 'empty', 'empty', 'empty', 'empty', F, F, F, F, F, U] },
    // 满意度: only a bound household rates its own helpers (hh-000002's primary helper is hh-000001's too;
    // a helper not paired with the household is not found: test/functions/satisfaction.test.ts).
    rateHelper: { payload: async (hh) => ({ helperId: (await primaryOf(hh)).helperId, rating: 5 }), expect: [F, F, F, F, F, F, F, 'ok', 'ok', F, U] },
    householdRatings: { payload: async () => ({}), expect: [F, F, F, F, F, F, F, 'ok', 'ok', F, U] },
    myRating: { payload: async () => ({}), expect: [F, F, F, F, F, 'ok', 'ok', F, F, F, U] },
  },
  auth: {
    whoami: { payload: async () => ({}), expect: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', U] },
    // 电脑端登录: anyone may start and claim a desktop request; only an admin signed in WeChat confirms one.
    webLoginStart: { payload: async () => ({ userAgent: 'Mozilla/5.0 (matrix)' }), expect: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
    webLoginClaim: { payload: () => webLoginRequest(), expect: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
    webLoginPeek: { payload: async () => ({ id: (await webLoginRequest()).id }), expect: ADMIN_SESSION },
    webLoginConfirm: { payload: async () => ({ id: (await webLoginRequest()).id, version: 0 }), expect: ADMIN_SESSION },
    // Turning a request away is harmless: whoever scanned it may.
    webLoginDecline: { payload: async () => ({ id: (await webLoginRequest()).id }), expect: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', U] },
    webSignOut: { payload: async () => ({}), expect: ADMIN_SESSION },
    webSignOutEverywhere: { payload: async () => ({}), expect: ADMIN_SESSION },
    bindHousehold: {
      payload: async (hh) => {
        const m = (await household(hh)).members[0];
        return { name: m.name, idSuffix: m.idNumber.slice(-6), phone: m.phone ?? '13800000000' };
      },
      expect: ['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok', U],
    },
    bindFor: { payload: async (hh) => ({ householdId: hh, memberId: (await household(hh)).members[0].id, openid: `wx-${randomUUID()}` }), expect: ADMIN_ONLY },
    createBindCode: { payload: async (hh) => ({ householdId: hh, memberId: (await household(hh)).members[0].id }), expect: ADMIN_ONLY },
    // The code is made by the county admin for the row's household; only an unbound WeChat user may use it.
    bindWithCode: {
      payload: async (hh) => {
        const made: any = await call('auth', 'createBindCode', { householdId: hh, memberId: (await household(hh)).members[0].id }, 'demo-admin');
        return { code: made.data.code };
      },
      expect: ['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok', U],
    },
    unbind: {
      payload: async (hh) => {
        const userId = `user-${randomUUID()}`;
        await db()
          .collection('users')
          .add({
            _id: userId,
            openid: `wx-${userId}`,
            role: 'household',
            name: '绑定',
            householdId: hh,
            regionPath: [],
            active: true,
            createdAt: SEED_NOW.toISOString(),
          });
        return { userId };
      },
      expect: ADMIN_ONLY,
    },
    listBindings: { payload: async (hh) => ({ householdId: hh }), expect: ADMIN_ONLY },
  },
};

function outcomeOf(result: any): Outcome {
  if (!result.ok) return result.error.code;
  const d = result.data;
  const empty = (d.total === 0 && Array.isArray(d.items)) || d.rows === 0;
  return empty ? 'empty' : 'ok';
}

for (const [fn, actions] of Object.entries(MATRIX)) {
  for (const [action, spec] of Object.entries(actions)) {
    describe(`${fn}.${action}`, () => {
      let store: ReturnType<typeof freshDemoStore>;
      beforeAll(async () => {
        store = freshDemoStore({ now: SEED_NOW });
        // The demo household's first member needs a phone for the bind row to be a real match.
        const h = await household('hh-000001');
        if (!h.members[0].phone) await db().collection('households').doc('hh-000001').update({ 'members.0.phone': '13811112222' });
      });
      afterAll(() => store.close());
      it.each(ROWS.map((row, i) => [row.who, spec.expect[i], row] as const))('%s → %s', async (_who, expected, row) => {
        const result = await call(fn as any, action, await spec.payload(await row.target(), row), row.openid);
        expect(outcomeOf(result)).toBe(expected);
      });
    });
  }
}

it('covers every action of the three functions', () => {
  const { apis } = jest.requireActual('../../types/api');
  for (const fn of ['households', 'assignments', 'auth'] as const) {
    expect(Object.keys(MATRIX[fn]).sort()).toEqual(Object.keys(apis[fn].actions).sort());
  }
});
