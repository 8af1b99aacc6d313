import { randomUUID } from 'node:crypto';
import { clock } from '../../cloudfunctions/core/clock';
import { freshDemoStore, call } from '../support/store';
import type { NeedStatus } from '../../types/need';
import { addOutsiders, needIn, NOW, ok, report } from './needs-support';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(async () => {
  store = freshDemoStore();
  await addOutsiders();
});
afterAll(() => {
  clock.set(null);
  store.close();
});
beforeEach(() => clock.set(NOW));

const STATUSES: NeedStatus[] = ['reported', 'accepted', 'in_progress', 'resolved', 'confirmed', 'reopened', 'rejected'];
const TARGETS = ['accepted', 'in_progress', 'resolved', 'confirmed', 'reopened', 'rejected'] as const;
/** Who acts, as a demo account: the household, its assigned primary helper, its health helper, admins at three levels. */
const ACTORS = {
  household: 'demo-household',
  assignee: 'demo-helper',
  pairedHelper: 'demo-doctor',
  villageAdmin: 'demo-village-admin',
  townAdmin: 'demo-town-admin',
  countyAdmin: 'demo-admin',
} as const;
type Actor = keyof typeof ACTORS;
const ADMINS: Actor[] = ['villageAdmin', 'townAdmin', 'countyAdmin'];
const HANDLERS: Actor[] = ['assignee', ...ADMINS];

/** The workflow written out by hand: "from → to" and who may do it. Everything else is refused. */
const ALLOWED: Record<string, Actor[]> = {
  'reported→accepted': HANDLERS,
  'reported→rejected': HANDLERS,
  'accepted→in_progress': HANDLERS,
  'accepted→resolved': HANDLERS,
  'accepted→rejected': HANDLERS,
  'in_progress→resolved': HANDLERS,
  'resolved→confirmed': ['household'],
  'resolved→reopened': ['household', ...ADMINS],
  'rejected→reopened': ADMINS,
  'reopened→accepted': HANDLERS,
  'reopened→in_progress': HANDLERS,
  'reopened→resolved': HANDLERS,
  'reopened→rejected': HANDLERS,
};
/** Who may ever choose a target: anyone else is FORBIDDEN; someone who may, from the wrong state, gets CONFLICT. */
const EVER: Record<string, Actor[]> = {
  accepted: HANDLERS,
  in_progress: HANDLERS,
  resolved: HANDLERS,
  rejected: HANDLERS,
  confirmed: ['household'],
  reopened: ['household', ...ADMINS],
};

const cases: Array<[NeedStatus, string, Actor]> = [];
for (const from of STATUSES) for (const to of TARGETS) for (const actor of Object.keys(ACTORS) as Actor[]) cases.push([from, to, actor]);

describe('every transition for every role', () => {
  it.each(cases)('from %s to %s by the %s', async (from, to, actor) => {
    const need = await needIn(from);
    const result = await call('needs', 'transition', { needId: need._id, to, version: need.version, note: '已联系医院办理' }, ACTORS[actor]);
    if (ALLOWED[`${from}→${to}`]?.includes(actor)) {
      expect(result).toMatchObject({ ok: true, data: { status: to, version: need.version + 1 } });
      const history = (result as any).data.history;
      expect(history[history.length - 1]).toMatchObject({ status: to, note: '已联系医院办理', at: NOW });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: EVER[to].includes(actor) ? 'CONFLICT' : 'FORBIDDEN' } });
      expect((await ok(call('needs', 'get', { needId: need._id }, 'demo-admin'))).version).toBe(need.version);
    }
  });

  it.each([
    ['household', 'test-household-2'],
    ['helper', 'helper-2'],
    ['admin', 'test-town2-admin'],
  ])('answers NOT_FOUND to an unrelated %s', async (_who, openid) => {
    const need = await needIn('reported');
    expect(await call('needs', 'transition', { needId: need._id, to: 'accepted', version: need.version }, openid)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it.each([
    ['resolved', 'accepted'],
    ['rejected', 'reported'],
    ['reopened', 'resolved'],
  ] as const)('requires a note to move to %s', async (to, from) => {
    const need = await needIn(from as NeedStatus);
    const actor = to === 'reopened' ? 'demo-household' : 'demo-helper';
    const result = await call('needs', 'transition', { needId: need._id, to, version: need.version, note: '  ' }, actor);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/请写明/) } });
  });
});

describe('evidence', () => {
  it('keeps the evidence photos with the resolution step', async () => {
    const need = await needIn('in_progress');
    const resolved = await ok(
      call(
        'needs',
        'transition',
        { needId: need._id, to: 'resolved', version: need.version, note: '已修好屋顶', photos: ['cloud://evidence-1.jpg'] },
        'demo-helper',
      ),
    );
    expect(resolved.history[resolved.history.length - 1]).toMatchObject({ status: 'resolved', note: '已修好屋顶', photos: ['cloud://evidence-1.jpg'] });
  });
});

describe('stale versions', () => {
  it('answers CONFLICT with the current need to the second of two people acting on the same version', async () => {
    const need = await needIn('reported');
    const first = await call('needs', 'transition', { needId: need._id, to: 'accepted', version: need.version }, 'demo-helper');
    expect(first).toMatchObject({ ok: true, data: { status: 'accepted', version: need.version + 1 } });
    const second = await call('needs', 'transition', { needId: need._id, to: 'rejected', version: need.version, note: '不属于帮扶范围' }, 'demo-village-admin');
    expect(second).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/其他人更新/),
        details: { need: { _id: need._id, status: 'accepted', version: need.version + 1 } },
      },
    });
  });

  it('lets only one of two simultaneous transitions through', async () => {
    const need = await needIn('reported');
    const results = await Promise.all([
      call('needs', 'transition', { needId: need._id, to: 'accepted', version: need.version }, 'demo-helper'),
      call('needs', 'transition', { needId: need._id, to: 'accepted', version: need.version }, 'demo-town-admin'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && (r as any).error.code === 'CONFLICT')).toHaveLength(1);
    const stored = await ok(call('needs', 'get', { needId: need._id }, 'demo-admin'));
    expect(stored.history.filter((h: any) => h.status === 'accepted')).toHaveLength(1);
  });
});

describe('the whole journey and rating', () => {
  it('goes reported → accepted → in progress → resolved → confirmed with a rating, keeping every step', async () => {
    const created = await ok(report({ id: randomUUID(), category: 'emergency', description: '房屋被大风刮坏', callbackPhone: '13900001234' }));
    let v = created.version;
    for (const [to, who, note] of [
      ['accepted', 'demo-helper', undefined],
      ['in_progress', 'demo-helper', undefined],
      ['resolved', 'demo-helper', '已申请临时救助 3000 元并修好屋顶'],
    ] as const) {
      v = (await ok(call('needs', 'transition', { needId: created._id, to, version: v, ...(note ? { note } : {}) }, who))).version;
    }
    const rated = await ok(call('needs', 'rate', { needId: created._id, rating: 5, comment: '来得很快', version: v }, 'demo-household'));
    expect(rated).toMatchObject({ status: 'confirmed', rating: 5, ratingComment: '来得很快', deadline: null, overdue: false });
    expect(rated.history.map((h: any) => h.status)).toEqual(['reported', 'accepted', 'in_progress', 'resolved', 'confirmed']);
    expect(await call('needs', 'rate', { needId: created._id, rating: 4 }, 'demo-household')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('rates a confirmed need without changing its status, and refuses rating before resolution or by others', async () => {
    const confirmed = await needIn('confirmed');
    expect(await call('needs', 'rate', { needId: confirmed._id, rating: 3 }, 'demo-household')).toMatchObject({
      ok: true,
      data: { status: 'confirmed', rating: 3, version: confirmed.version + 1 },
    });
    const open = await needIn('in_progress');
    expect(await call('needs', 'rate', { needId: open._id, rating: 3 }, 'demo-household')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('needs', 'rate', { needId: open._id, rating: 3 }, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('needs', 'rate', { needId: open._id, rating: 3 }, 'test-household-2')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const resolved = await needIn('resolved');
    expect(await call('needs', 'rate', { needId: resolved._id, rating: 3, version: resolved.version - 1 }, 'demo-household')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { need: { status: 'resolved' } } },
    });
  });
});
