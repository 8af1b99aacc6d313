/**
 * The permission matrix (issue 19): every action of every function, called by every kind of caller
 * against a target inside their scope, outside it, and one that does not exist. What is asserted:
 * - a role the contract does not admit is refused (FORBIDDEN; anonymous callers UNAUTHENTICATED);
 * - an admitted caller reaches the target in their scope (answered, or refused on the merits only);
 * - outside their scope they learn nothing: the answer is exactly the answer for a target that
 *   does not exist (same code, same message, same empty list).
 * Each action runs on a fresh demo county, so the writes of one action cannot hide a leak in another.
 */
import { randomUUID } from 'node:crypto';
import { getDb } from '../../cloudfunctions/core/store';
import { apis, type Access } from '../../types/api';
import { idCheckChar } from '../../types';
import type { Finding, FindingStatus } from '../../types/finding';
import { reviewItemId } from '../../cloudfunctions/core/findings/review.repository';
import { doorCodeOf } from '../../cloudfunctions/core/households/door-code.service';
import { keepDoorCode } from '../../cloudfunctions/core/households/door-code.repository';
import ExcelJS from 'exceljs';
import { freshDemoStore, callRaw as call, SEED_NOW } from '../support/store';
import { uploadAs } from '../support/files';
import { addOutsiders, needIn } from './needs-support';

type Kind = 'in' | 'out' | 'none';
type Caller = { who: string; openid?: string; role?: 'admin' | 'helper' | 'household'; out?: () => Promise<string>; outHelper?: () => Promise<string> };
type Target = { kind: Kind; caller: Caller };

const db = () => getDb();
const firstHousehold = async (where: Record<string, unknown>) =>
  (await db().collection('households').where(where).orderBy('code', 'asc').limit(1).get()).data[0]._id as string;

/** Who calls, and which household lies just outside their reach. hh-000001 is inside every caller's. */
const CALLERS: Caller[] = [
  { who: 'county admin', openid: 'demo-admin', role: 'admin' },
  { who: 'town admin', openid: 'demo-town-admin', role: 'admin', out: () => firstHousehold({ townId: 'town-2' }) },
  // A village admin manages the helpers of their town (helpers work for a town): a helper outside their reach is another town's.
  {
    who: 'village admin',
    openid: 'demo-village-admin',
    role: 'admin',
    out: () => firstHousehold({ villageId: 'village-1-2' }),
    outHelper: () => firstHousehold({ townId: 'town-2' }),
  },
  { who: 'helper', openid: 'demo-helper', role: 'helper', out: () => firstHousehold({ townId: 'town-2' }) },
  { who: 'doctor', openid: 'demo-doctor', role: 'helper', out: () => firstHousehold({ townId: 'town-2' }) },
  { who: 'household', openid: 'demo-household', role: 'household', out: async () => 'hh-000002' },
  { who: 'WeChat user not bound', openid: 'wx-unbound' },
  { who: 'anonymous' },
];

const NONE = 'hh-nonexistent';
/** A printed card's door code for a household (stored as households.doorCode stores it). */
async function doorCodeFor(id: string): Promise<string> {
  await keepDoorCode(doorCodeOf(id), id, SEED_NOW.toISOString());
  return doorCodeOf(id);
}
async function householdId(t: Target): Promise<string> {
  if (t.kind === 'none') return NONE;
  return t.kind === 'out' ? t.caller.out!() : 'hh-000001';
}
/** The primary helper of a household in (or outside) the caller's reach of helpers. */
async function helperOf(t: Target): Promise<string> {
  const id = t.kind === 'out' && t.caller.outHelper ? await t.caller.outHelper() : await householdId(t);
  return (await primaryOf(id)).helperId;
}
const NEXT: Record<string, [string, string]> = {
  poor: ['exit', 'exited_enjoying'],
  exited_enjoying: ['return_to_poverty', 'monitored'],
  exited_not_enjoying: ['return_to_poverty', 'monitored'],
  monitored: ['risk_cleared', 'none'],
  none: ['new_identification', 'monitored'],
};
/** The stored household, or for a nonexistent target a phantom with ids nobody has. */
async function household(t: Target) {
  const id = await householdId(t);
  const stored = (await db().collection('households').doc(id).get()).data[0];
  if (stored) return stored;
  const base = (await db().collection('households').doc('hh-000001').get()).data[0];
  return {
    ...base,
    _id: NONE,
    code: 'NONE-1',
    villageId: 'village-none',
    townId: 'town-none',
    version: 1,
    members: base.members.map((m: any, i: number) => ({ ...m, id: `member-none-${i}` })),
  };
}
const primaryOf = async (id: string) =>
  (await db().collection('pairings').where({ householdId: id, role: 'primary', active: true }).get()).data[0] ?? {
    _id: 'pairing-none',
    helperId: 'helper-none',
  };
/** A town-1 cadre who is not hh-000001's primary helper: always inside the town and village admins' reach. */
async function spareCadre(): Promise<string> {
  const p = await primaryOf('hh-000001');
  const { data } = await db().collection('users').where({ role: 'helper', helperKind: 'cadre', 'scope.regionId': 'town-1' }).get();
  return data.find((u) => u._id !== p.helperId)!._id;
}
async function needOf(t: Target, status: 'reported' | 'resolved' = 'reported'): Promise<string> {
  if (t.kind === 'none') return 'need-nonexistent';
  const h = await household(t);
  const need = await needIn(status, {
    householdId: h._id,
    countyId: h.countyId,
    townId: h.townId,
    villageId: h.villageId,
    assigneeId: (await primaryOf(h._id)).helperId,
  });
  return need._id;
}
const notices: Record<'in' | 'out', string> = { in: '', out: '' };
const noticeOf = async (t: Target) => (t.kind === 'none' ? 'notice-nonexistent' : notices[t.kind]);
const needVersion = async (id: string) => (await db().collection('needs').doc(id).get()).data[0]?.version ?? 1;
let seq = 0;
const newIdNumber = () => {
  const f = `990401198002${String(10 + (seq % 18)).padStart(2, '0')}${String(++seq).padStart(3, '0')}`;
  return f + idCheckChar(f);
};

type Spec = {
  payload: (t: Target) => Promise<unknown>;
  /** false: the action has no target (checked per role only). */
  targeted?: boolean;
  /** Outcomes on the merits an admitted caller may get for an in-scope target besides an answer (per caller where a rule says so). */
  merits?: string[] | ((caller: Caller) => string[]);
};
const meritsOf = (spec: Spec, caller: Caller): string[] => (typeof spec.merits === 'function' ? spec.merits(caller) : (spec.merits ?? []));
const hh = (extra: (t: Target) => Promise<Record<string, unknown>> = async () => ({})): Spec => ({
  payload: async (t) => ({ householdId: await householdId(t), ...(await extra(t)) }),
});
const untargeted = (payload: unknown = {}, merits?: string[]): Spec => ({ payload: async () => payload, targeted: false, merits });
const MERITS = ['INVALID_INPUT', 'CONFLICT'];

/** A finding about the target household, placed directly in a status (responsible: its primary helper). */
async function findingOf(t: Target, status: FindingStatus = 'recorded', noticed = false): Promise<string> {
  if (t.kind === 'none') return 'finding-nonexistent';
  const h = await household(t);
  const responsibleId = (await primaryOf(h._id)).helperId;
  const at = SEED_NOW.toISOString();
  const evidence = ['submitted', 'close_requested'].includes(status) ? [{ note: '已整改', photos: [], by: responsibleId, byName: '帮扶人', at }] : [];
  const finding: Finding = {
    _id: `finding-${randomUUID()}`,
    code: 'DC-2026-9999',
    source: 'self_inspection',
    category: 'visit',
    severity: 'minor',
    description: '矩阵问题',
    subject: { kind: 'household', id: h._id },
    deadline: new Date(SEED_NOW.getTime() + 15 * 86_400_000).toISOString(),
    status,
    open: true,
    version: 1,
    countyId: h.countyId,
    townId: h.townId,
    villageId: h.villageId,
    householdId: h._id,
    subjectHelperId: null,
    subjectName: '矩阵户',
    responsibleId,
    responsibleName: '帮扶人',
    measures: [],
    evidence,
    history: [],
    createdBy: 'admin-1',
    createdAt: at,
    closedAt: null,
    returnReason: null,
    reminders: [],
    notice: noticed
      ? { number: '整改通知〔2026〕99号', issuedAt: at, issuedBy: 'admin-1', issuedByName: '管理员', acknowledgedAt: null, acknowledgedBy: null }
      : null,
  };
  await db().collection('findings').add(finding);
  return finding._id;
}
/** A visit to the target household an hour before the seed's now (inside the confirmation window). */
async function visitOf(t: Target): Promise<string> {
  if (t.kind === 'none') return 'visit-nonexistent';
  const h = await household(t);
  const _id = randomUUID();
  const at = new Date(SEED_NOW.getTime() - 3600_000).toISOString();
  await db()
    .collection('visits')
    .add({
      _id,
      householdId: h._id,
      helperId: (await primaryOf(h._id)).helperId,
      countyId: h.countyId,
      townId: h.townId,
      villageId: h.villageId,
      visitedAt: at,
      month: '2026-11',
      occasion: 'routine',
      notes: '',
      photos: [],
      measures: [],
      measureIds: [],
      otherMeasure: '',
      progress: [],
      policiesExplained: [],
      checklist: [],
      createdAt: at,
      confirmation: null,
      confirmationHistory: [],
    });
  return _id;
}
/** A 回头看 round over the target household's village, holding that household. */
async function roundOf(t: Target): Promise<string> {
  if (t.kind === 'none') return 'round-nonexistent';
  const h = await household(t);
  const _id = `round-${randomUUID()}`;
  const at = SEED_NOW.toISOString();
  await db()
    .collection('review_rounds')
    .add({
      _id,
      title: '矩阵回头看',
      countyId: h.countyId,
      regionPath: [h.countyId, h.townId, h.villageId],
      perVillage: 1,
      nonRegistered: 0,
      villages: 1,
      households: 1,
      createdBy: 'admin-1',
      createdByName: '管理员',
      createdAt: at,
    });
  await db()
    .collection('review_items')
    .add({
      _id: reviewItemId(_id, h._id),
      roundId: _id,
      householdId: h._id,
      householdCode: h.code,
      headName: h.headName,
      registered: true,
      countyId: h.countyId,
      townId: h.townId,
      villageId: h.villageId,
      outcome: null,
      refId: null,
      doneBy: null,
      doneAt: null,
    });
  return _id;
}
/**
 * An ID number nobody has that masks exactly as `like` does (same first 3 and last 2 characters):
 * what an out-of-scope number must be indistinguishable from.
 */
async function lookalikeOf(like: string): Promise<string> {
  for (let n = 0; n < 100; n++) {
    const f = like.slice(0, 14) + String(n).padStart(2, '0') + like[16];
    const id = f + idCheckChar(f);
    if (id !== like && id.endsWith(like.slice(-2)) && !(await db().collection('households').where({ 'members.idNumber': id }).count()).total) return id;
  }
  throw new Error('no lookalike ID number');
}
/** A 医保 sheet naming the target household's head (a lookalike nobody has for a nonexistent target), uploaded by the caller (the county admin for non-admins). */
async function medicalSheetOf(t: Target): Promise<string> {
  const row =
    t.kind === 'in'
      ? await household(t).then((h) => [h.members[0].idNumber, h.members[0].name])
      : t.kind === 'out'
        ? [(await household(t)).members[0].idNumber, '矩阵人']
        : [t.caller.out ? await lookalikeOf((await household({ kind: 'out', caller: t.caller })).members[0].idNumber) : newIdNumber(), '矩阵人'];
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('医保').addRows([
    ['身份证号', '姓名', '日期', '金额'],
    [...row, '2026-10-08', 12000],
  ]);
  return uploadAs(t.caller.role === 'admin' ? t.caller.openid! : 'demo-admin', Buffer.from(await workbook.xlsx.writeBuffer()));
}
const findingStep = (status: FindingStatus, extra: Record<string, unknown> = {}, merits = ['FORBIDDEN', ...MERITS], noticed = false): Spec => ({
  payload: async (t) => ({ findingId: await findingOf(t, status, noticed), version: 1, ...extra }),
  merits,
});
const FINDINGS: Record<string, Spec> = {
  create: {
    payload: async (t) => ({
      source: 'assessment',
      category: 'policy',
      severity: 'major',
      description: '矩阵问题',
      subject: { kind: 'household', id: await householdId(t) },
      deadline: new Date(SEED_NOW.getTime() + 86_400_000).toISOString(),
    }),
  },
  list: hh(),
  get: { payload: async (t) => ({ findingId: await findingOf(t) }) },
  claim: findingStep('recorded'),
  planMeasures: findingStep('claimed', { measures: ['入户核实'] }),
  submitEvidence: findingStep('planned', { note: '已整改' }),
  requestClose: findingStep('submitted'),
  verify: findingStep('close_requested', { passed: true }),
  notice: findingStep('recorded'),
  acknowledge: findingStep('recorded', {}, ['FORBIDDEN', ...MERITS], true),
  stats: untargeted(),
  exportLedger: hh(),
  sample: untargeted({ perVillage: 2, nonRegistered: 1 }),
  integrity: untargeted({ check: 'rapid_visits' }),
  rounds: untargeted(),
  roundItems: { payload: async (t) => ({ roundId: await roundOf(t), limit: 10 }) },
  markReviewed: {
    payload: async (t) => ({ roundId: await roundOf(t), householdId: await householdId(t), outcome: 'visit', refId: 'visit-nonexistent' }),
    merits: ['INVALID_INPUT'],
  },
  exportNotice: { payload: async (t) => ({ findingId: await findingOf(t, 'recorded', true) }) },
};

/** 意见建议 written by the target household's member, stored directly (in the target's county). */
async function feedbackOf(t: Target): Promise<string> {
  if (t.kind === 'none') return 'feedback-nonexistent';
  const h = await household(t);
  const _id = randomUUID();
  await db()
    .collection('feedback')
    .add({
      _id,
      countyId: h.countyId,
      authorId: `user-${_id}`,
      authorRole: 'household',
      authorName: '矩阵',
      householdId: h._id,
      category: 'suggestion',
      text: '矩阵建议',
      photos: [],
      status: 'open',
      version: 1,
      submittedAt: SEED_NOW.toISOString(),
      answer: null,
    });
  return _id;
}
/** A warning on the target household at `stage`, handed to its primary helper, stored directly. */
async function warningOf(t: Target, stage = 'verify'): Promise<string> {
  if (t.kind === 'none') return 'warning-nonexistent';
  const h = await household(t);
  const _id = `warning-${randomUUID()}`;
  await db()
    .collection('warnings')
    .add({
      _id,
      householdId: h._id,
      headName: h.headName,
      countyId: h.countyId,
      townId: h.townId,
      villageId: h.villageId,
      stage,
      open: true,
      version: 1,
      source: 'assessment',
      risks: [],
      level: 'high',
      suggestedType: 'unstable',
      assigneeId: (await primaryOf(h._id)).helperId,
      stageStartedOn: '2026-11-20',
      dueOn: '2026-11-27',
      createdAt: SEED_NOW.toISOString(),
      history: [],
    });
  return _id;
}
/** A warning is seen by its region's admins and the helper it is handed to: the doctor paired with the household is not that helper. */
const warningMerits = (caller: Caller) => (caller.who === 'doctor' ? ['NOT_FOUND'] : ['FORBIDDEN', ...MERITS]);
const warningStep = (extra: Record<string, unknown> = {}): Spec => ({
  payload: async (t) => ({ warningId: await warningOf(t), version: 1, ...extra }),
  merits: warningMerits,
});
/** Only the county office answers 意见建议: town and village admins find none, in their region or not. */
const countyOnly = (caller: Caller) => (caller.openid === 'demo-admin' ? MERITS : ['NOT_FOUND']);

/** A desktop's fresh sign-in request (its id and secret), as the sign-in page starts one. */
async function webLoginRequest(): Promise<{ id: string; secret: string }> {
  return ((await call('auth', 'webLoginStart', { userAgent: 'Mozilla/5.0 (matrix)' })) as any).data;
}

/** Every action of every contract (the last test checks none is missing). */
const MATRIX: Record<keyof typeof apis, Record<string, Spec>> = {
  auth: {
    whoami: untargeted(),
    bindHousehold: untargeted({ name: '无此人', idSuffix: '000000', phone: '13800000000' }, ['CONFLICT', 'NOT_FOUND', 'INVALID_INPUT']),
    bindFor: {
      payload: async (t) => {
        const h = await household(t);
        return { householdId: h._id, memberId: h.members[0].id, openid: `wx-${randomUUID()}` };
      },
    },
    createBindCode: {
      payload: async (t) => {
        const h = await household(t);
        return { householdId: h._id, memberId: h.members[0].id };
      },
    },
    bindWithCode: untargeted({ code: 'ABCD2345' }, ['NOT_FOUND', 'INVALID_INPUT', 'CONFLICT']),
    webLoginStart: untargeted({ userAgent: 'Mozilla/5.0 (matrix)' }),
    webLoginClaim: { payload: () => webLoginRequest(), targeted: false },
    // Any WeChat user reaches these; only an admin may go further (FORBIDDEN on the merits).
    webLoginPeek: { payload: async () => ({ id: (await webLoginRequest()).id }), targeted: false, merits: ['FORBIDDEN'] },
    webLoginConfirm: { payload: async () => ({ id: (await webLoginRequest()).id, version: 0 }), targeted: false, merits: ['FORBIDDEN'] },
    webLoginDecline: { payload: async () => ({ id: (await webLoginRequest()).id }), targeted: false },
    webSignOut: untargeted(),
    webSignOutEverywhere: untargeted(),
    unbind: {
      payload: async (t) => {
        if (t.kind === 'none') return { userId: 'user-nonexistent' };
        const userId = `user-${randomUUID()}`;
        await db()
          .collection('users')
          .add({
            _id: userId,
            openid: `wx-${userId}`,
            role: 'household',
            name: '绑定',
            householdId: await householdId(t),
            regionPath: [],
            active: true,
            createdAt: SEED_NOW.toISOString(),
          });
        return { userId };
      },
    },
    listBindings: hh(),
  },
  households: {
    list: { payload: async (t) => ({ villageId: (await household(t)).villageId }) },
    get: hh(),
    create: {
      payload: async (t) => ({
        code: `M-${++seq}`,
        villageId: (await household(t)).villageId,
        address: '1组',
        status: 'monitored',
        identifiedYear: 2024,
        housingGrade: 'A',
        members: [{ name: '矩阵', relation: 'head', idNumber: newIdNumber(), health: 'healthy', laborCapacity: 'full' }],
      }),
    },
    update: {
      payload: async (t) => {
        const h = await household(t);
        return { householdId: h._id, version: h.version, address: '新址' };
      },
    },
    adjustStatus: {
      payload: async (t) => {
        const h = await household(t);
        const [kind, to] = NEXT[h.status];
        return { householdId: h._id, kind, to, reason: '矩阵测试', effectiveOn: '2026-11-01', version: h.version };
      },
      merits: MERITS,
    },
    reveal: {
      payload: async (t) => {
        const h = await household(t);
        return { householdId: h._id, memberId: h.members[0].id, field: 'idNumber' };
      },
    },
    importXlsx: untargeted({ fileId: 'local-00000000-0000-0000-0000-000000000000.xlsx' }, ['NOT_FOUND']),
    villages: untargeted(),
    exportXlsx: { payload: async (t) => ({ villageId: (await household(t)).villageId }) },
    importTemplate: untargeted(),
    doorCode: hh(),
    openDoorCode: { payload: async (t) => ({ scene: t.kind === 'none' ? 'NoSuchCode' : await doorCodeFor(await householdId(t)) }) },
  },
  assignments: {
    assign: { payload: async (t) => ({ householdId: await householdId(t), helperId: await spareCadre(), role: 'primary' }) },
    unassign: { payload: async (t) => ({ pairingId: (await primaryOf(await householdId(t)))._id }), merits: MERITS },
    listByHelper: { payload: async (t) => ({ helperId: t.caller.role === 'helper' && t.kind === 'in' ? undefined : await helperOf(t) }) },
    reassign: { payload: async (t) => ({ pairingIds: [(await primaryOf(await householdId(t)))._id], toHelperId: await spareCadre() }) },
    reassignAll: { payload: async (t) => ({ fromHelperId: await helperOf(t), toHelperId: await spareCadre() }), merits: MERITS },
    listByHousehold: hh(),
    rateHelper: { payload: async () => ({ helperId: (await primaryOf('hh-000001')).helperId, rating: 5 }), targeted: false, merits: ['CONFLICT'] },
    householdRatings: untargeted(),
    myRating: untargeted(),
    listHelpers: untargeted(),
    listUnpaired: untargeted(),
  },
  visits: {
    listDue: untargeted(),
    record: hh(async () => ({ id: randomUUID(), visitedAt: SEED_NOW.toISOString(), occasion: 'routine', notes: '矩阵走访' })),
    listByHousehold: hh(),
    getPlan: hh(),
    saveMeasure: hh(async () => ({ id: randomUUID(), category: 'industry', title: '矩阵措施', target: '年内完成' })),
    updateProgress: { ...hh(async () => ({ measureId: 'measure-nonexistent', progress: 50 })), merits: ['NOT_FOUND'] },
    confirm: { payload: async (t) => ({ visitId: await visitOf(t), happened: true }) },
    confirmations: untargeted(),
    timeline: hh(),
  },
  benefits: {
    calculate: untargeted({
      date: '2021-03-01',
      household: {
        status: 'poor',
        annualNetIncome: 9000,
        housingGrade: 'C',
        emergencyInLast90Days: false,
        members: [
          {
            birthDate: '1958-05-02',
            disabilityLevel: 0,
            chronicIllness: true,
            chronicApproved: false,
            schooling: 'none',
            laborCapacity: 'partial',
            employed: false,
            hasIncome: true,
            hasSupporter: true,
          },
        ],
      },
    }),
    evaluateHousehold: hh(),
    listGaps: { payload: async (t) => ({ householdId: await householdId(t) }) },
    exportGaps: { payload: async (t) => ({ villageId: (await household(t)).villageId }) },
    recordDisbursement: hh(async () => ({ policy: 'dibao', period: '2026', amount: 100, paidOn: '2026-11-01' })),
    listRecords: hh(),
    importRecords: untargeted({ fileId: 'local-00000000-0000-0000-0000-000000000000.xlsx' }, ['NOT_FOUND']),
    listPolicies: untargeted(),
    updatePolicyParams: untargeted({ code: 'dibao', from: '2027-01-01', params: { standard: 5400 } }, ['FORBIDDEN']),
    gapRefresh: untargeted(),
  },
  needs: {
    report: {
      payload: async (t) => ({
        id: randomUUID(),
        ...(t.caller.role === 'household' && t.kind === 'in' ? {} : { householdId: await householdId(t) }),
        category: 'medical',
        description: '矩阵求助',
      }),
    },
    list: hh(),
    get: { payload: async (t) => ({ needId: await needOf(t) }) },
    transition: {
      payload: async (t) => {
        const needId = await needOf(t);
        return { needId, to: 'accepted', version: await needVersion(needId) };
      },
      merits: ['FORBIDDEN', ...MERITS],
    },
    reassign: {
      payload: async (t) => {
        const needId = await needOf(t);
        return { needId, version: await needVersion(needId), helperId: 'helper-2' };
      },
      merits: ['FORBIDDEN', 'INVALID_INPUT', ...MERITS],
    },
    assigneeOptions: { payload: async (t) => ({ needId: await needOf(t) }) },
    urge: {
      payload: async (t) => {
        const needId = await needOf(t);
        return { needId, version: await needVersion(needId), note: '请尽快办理' };
      },
      merits: ['FORBIDDEN', ...MERITS],
    },
    escalate: {
      payload: async (t) => {
        const needId = await needOf(t);
        return { needId, version: await needVersion(needId), reason: '需要住建部门协调' };
      },
      merits: ['FORBIDDEN', ...MERITS],
    },
    rate: { payload: async (t) => ({ needId: await needOf(t, 'resolved'), rating: 5 }), merits: MERITS },
    stats: untargeted(),
    exportXlsx: hh(),
    getSettings: untargeted(),
    updateSettings: untargeted({ emergencyAcceptHours: 24, acceptDays: 2, resolveDays: 15, emergencyResolveDays: 3 }, ['FORBIDDEN', 'INVALID_INPUT']),
  },
  notices: {
    publish: untargeted({ title: '矩阵通知', body: '正文', audience: { roles: ['helper'] } }),
    saveDraft: untargeted({ title: '矩阵草稿', body: '正文', audience: { roles: ['helper'] } }),
    revoke: { payload: async (t) => ({ noticeId: await noticeOf(t) }), merits: MERITS },
    list: untargeted(),
    get: { payload: async (t) => ({ noticeId: await noticeOf(t) }) },
    unreadCount: untargeted(),
    markRead: { payload: async (t) => ({ noticeId: await noticeOf(t) }) },
    recordGroupOpen: { payload: async (t) => ({ noticeId: await noticeOf(t), groupCloudId: 'cloud-id-matrix' }), merits: MERITS },
    stats: { payload: async (t) => ({ noticeId: await noticeOf(t) }) },
    labelGroup: untargeted({ groupId: 'group-matrix', label: '矩阵群' }, ['NOT_FOUND']),
    remind: { payload: async (t) => ({ noticeId: await noticeOf(t) }), merits: [...MERITS, 'RATE_LIMITED'] },
    listOutbox: untargeted(),
    audienceOptions: untargeted(),
    subscription: untargeted(),
    subscribe: untargeted({ accepted: true }),
  },
  findings: FINDINGS,
  monitoring: {
    assessHousehold: hh(),
    sweep: untargeted(),
    listWarnings: untargeted({ limit: 10 }),
    addMedicalExpense: {
      payload: async (t) => {
        const h = await household(t);
        return { id: randomUUID(), householdId: h._id, memberId: h.members[0].id, date: '2026-11-01', outOfPocket: 500 };
      },
    },
    assess: untargeted({
      date: '2025-06-01',
      household: { status: 'none', incomes: [{ year: 2024, amount: 6000 }], members: [{ birthDate: '1960-01-01', laborCapacity: 'none' }] },
    }),
    getWarning: { payload: async (t) => ({ warningId: await warningOf(t) }), merits: (c) => (c.who === 'doctor' ? ['NOT_FOUND'] : []) },
    advance: warningStep({ note: '矩阵核实' }),
    dismiss: warningStep({ reason: '矩阵排除' }),
    noticeList: untargeted(),
    exportNoticeList: untargeted(),
    removalReadiness: { ...hh(), merits: MERITS },
    getParams: untargeted(),
    updateParams: untargeted({ from: '2026-12-01', params: { verifyDays: 4 } }, ['FORBIDDEN', 'INVALID_INPUT', 'CONFLICT']),
    // The target is a member's ID number in the sheet: outside the region it must read as one nobody has.
    importMedical: { payload: async (t) => ({ fileId: await medicalSheetOf(t), confirm: true }) },
    medicalTemplate: untargeted(),
    selfReport: untargeted({}),
    myWarning: untargeted(),
  },
  reports: {
    dashboard: untargeted(),
    coverage: untargeted(),
    exportCoverage: untargeted(),
    monthlyBulletin: untargeted({ month: '2026-10' }),
    publishBulletin: untargeted({ month: '2026-10', audience: { roles: ['helper'] } }),
    // No bulletin is published on a fresh county: every admitted caller learns only that it is not there.
    publishedBulletin: untargeted({ id: 'bulletin-none' }, ['NOT_FOUND']),
    exportBulletin: untargeted({ month: '2026-10' }),
    bulletinHouseholds: untargeted({ month: '2026-10', villageId: 'village-1-1' }),
    ledger: untargeted({ kind: 'health', month: '2026-10' }),
    exportLedger: untargeted({ kind: 'unit', month: '2026-10' }),
  },
  feedback: {
    submit: { payload: async () => ({ id: randomUUID(), category: 'suggestion', text: '矩阵建议' }), targeted: false },
    listMine: untargeted(),
    list: untargeted(),
    answer: { payload: async (t) => ({ feedbackId: await feedbackOf(t), version: 1, text: '已收到，谢谢' }), merits: countyOnly },
  },
  // 数据维护 rewrites the whole store: town and village admins are refused.
  maintenance: {
    derivedStatus: { ...untargeted(), merits: (caller) => (caller.openid === 'demo-admin' ? [] : ['FORBIDDEN']) },
    rebuildDerived: { ...untargeted({ restart: true }), merits: (caller) => (caller.openid === 'demo-admin' ? [] : ['FORBIDDEN']) },
  },
};

/** The answer with what differs between two calls by nature (request ids, generated ids) taken out. */
const comparable = (r: any) => JSON.parse(JSON.stringify(r, (k, v) => (['requestId', 'fileId', 'url'].includes(k) ? undefined : v)));
function outcomeOf(r: any): string {
  if (!r.ok) return r.error.code;
  const d = r.data;
  // An import whose every ID number is unmatched found nobody: the not-found of a sheet.
  const nobody = Array.isArray(d?.unmatched) && d.valid === 0;
  return (Array.isArray(d?.items) && d.items.length === 0) || d?.rows === 0 || nobody ? 'empty' : 'ok';
}
function admitted(access: Access, caller: Caller): 'yes' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'public') return 'yes';
  if (!caller.openid) return 'UNAUTHENTICATED';
  if (access === 'signedIn') return 'yes';
  return caller.role && access.includes(caller.role) ? 'yes' : 'FORBIDDEN';
}

let cells = 0;
let hiddenPairs = 0;
afterAll(() =>
  console.log(
    `permission matrix: ${cells} cells (${CALLERS.length} caller kinds × in-scope / out-of-scope / nonexistent), ${hiddenPairs} out-of-scope answers identical to nonexistent`,
  ),
);

for (const [fn, actions] of Object.entries(MATRIX) as [keyof typeof apis, Record<string, Spec>][]) {
  for (const [action, spec] of Object.entries(actions)) {
    const access = (apis[fn].actions as Record<string, { access: Access }>)[action].access;
    describe(`${fn}.${action}`, () => {
      let store: ReturnType<typeof freshDemoStore>;
      beforeAll(async () => {
        store = freshDemoStore({ now: SEED_NOW });
        await addOutsiders();
        if (fn === 'notices') {
          const body = { title: '全县通知', body: '正文', audience: { roles: ['helper', 'household', 'admin'] } };
          // Written by the village admin: every admin above can manage it, every caller of the village receives it.
          notices.in = ((await call('notices', 'publish', body, 'demo-village-admin')) as any).data._id;
          notices.out = ((await call('notices', 'publish', { ...body, title: '外镇通知' }, 'test-town2-admin')) as any).data._id;
        }
      });
      afterAll(() => store.close());

      for (const caller of CALLERS) {
        const gate = admitted(access, caller);
        if (gate !== 'yes') {
          it(`${caller.who} → ${gate}`, async () => {
            const r = await call(fn, action, await spec.payload({ kind: 'in', caller }), caller.openid);
            cells++;
            expect(outcomeOf(r)).toBe(gate);
          });
          continue;
        }
        if (spec.targeted === false || !caller.role) {
          it(`${caller.who} → answered`, async () => {
            const r = await call(fn, action, await spec.payload({ kind: 'in', caller }), caller.openid);
            cells++;
            expect(['ok', 'empty', ...meritsOf(spec, caller)]).toContain(outcomeOf(r));
          });
          continue;
        }
        if (caller.out) {
          it(`${caller.who} · out of scope answers as nonexistent`, async () => {
            const out = await call(fn, action, await spec.payload({ kind: 'out', caller }), caller.openid);
            const none = await call(fn, action, await spec.payload({ kind: 'none', caller }), caller.openid);
            cells += 2;
            hiddenPairs++;
            expect(['NOT_FOUND', 'FORBIDDEN', 'empty']).toContain(outcomeOf(out));
            expect(comparable(out)).toEqual(comparable(none));
          });
        } else {
          it(`${caller.who} · nonexistent target is not found`, async () => {
            const none = await call(fn, action, await spec.payload({ kind: 'none', caller }), caller.openid);
            cells++;
            expect(['NOT_FOUND', 'empty']).toContain(outcomeOf(none));
          });
        }
        it(`${caller.who} · in scope is reached`, async () => {
          const r = await call(fn, action, await spec.payload({ kind: 'in', caller }), caller.openid);
          cells++;
          expect(['ok', 'empty', ...meritsOf(spec, caller)]).toContain(outcomeOf(r));
        });
      }
    });
  }
}

it('covers every action of every function', () => {
  for (const fn of Object.keys(apis) as (keyof typeof apis)[]) {
    expect(Object.keys(MATRIX[fn]).sort()).toEqual(Object.keys(apis[fn].actions).sort());
  }
});
