import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { freshDemoStore, call } from '../support/store';
import { addOutsiders, needIn, NOW, ok } from './needs-support';

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

const doctorId = async () => (await getDb().collection('users').where({ openid: 'demo-doctor' }).get()).data[0]._id as string;
const outbox = async (reason: string) => (await getDb().collection('outbox').where({ reason }).get()).data;

describe('转派: an admin hands an open need to another helper paired with the household', () => {
  it('offers the helpers paired with the household, the current assignee marked', async () => {
    const need = await needIn('accepted');
    const options = await ok(call('needs', 'assigneeOptions', { needId: need._id }, 'demo-village-admin'));
    expect(options).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ helperId: 'helper-1', current: true }),
        expect.objectContaining({ helperId: await doctorId(), current: false }),
      ]),
    );
  });

  it('reassigns with a note kept in the history; the new assignee sees it in their list and may act on it', async () => {
    const need = await needIn('accepted');
    const to = await doctorId();
    const view = await ok(call('needs', 'reassign', { needId: need._id, version: need.version, helperId: to, note: '需要医生上门' }, 'demo-village-admin'));
    expect(view).toMatchObject({ assigneeId: to, status: 'accepted', version: need.version + 1 });
    expect(view.history.at(-1)).toMatchObject({ kind: 'reassigned', status: 'accepted', assigneeId: to, note: '需要医生上门', byRole: 'admin', at: NOW });
    expect(view.history.at(-1)!.assigneeName).toBeTruthy();
    const list = await ok(call('needs', 'list', { limit: 100 }, 'demo-doctor'));
    expect(list.items.map((n) => n._id)).toContain(need._id);
    await ok(call('needs', 'transition', { needId: need._id, to: 'in_progress', version: view.version }, 'demo-doctor'));
  });

  it('a stale version gets CONFLICT with the current need; a helper not paired with the household is refused', async () => {
    const need = await needIn('accepted');
    expect(await call('needs', 'reassign', { needId: need._id, version: need.version - 1, helperId: await doctorId() }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const stranger = await call('needs', 'reassign', { needId: need._id, version: need.version, helperId: 'helper-9999' }, 'demo-admin');
    expect(stranger).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '只能转派给与该户结对的帮扶人' } });
  });

  it('a closed need is not reassigned, and a helper may not reassign', async () => {
    const closed = await needIn('confirmed');
    expect(await call('needs', 'reassign', { needId: closed._id, version: closed.version, helperId: await doctorId() }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const open = await needIn('accepted');
    expect(await call('needs', 'reassign', { needId: open._id, version: open.version, helperId: await doctorId() }, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('督办: an admin urges the assignee', () => {
  it('records a step, changes no status, and sends the assignee a message through the outbox', async () => {
    const need = await needIn('in_progress');
    const view = await ok(call('needs', 'urge', { needId: need._id, version: need.version, note: '请本周内办结' }, 'demo-town-admin'));
    expect(view).toMatchObject({ status: 'in_progress', assigneeId: 'helper-1', version: need.version + 1 });
    expect(view.history.at(-1)).toMatchObject({ kind: 'urged', status: 'in_progress', note: '请本周内办结', byRole: 'admin' });
    const sent = (await outbox('need_urged')).filter((m) => m.page.includes(need._id));
    expect(sent).toEqual([expect.objectContaining({ userId: 'helper-1', householdId: need.householdId })]);
  });
});

describe('提请协调: the assignee escalates a need they cannot solve', () => {
  it('goes to the village admin with the reason, shown as escalated; the admins are messaged', async () => {
    const need = await needIn('in_progress');
    const view = await ok(call('needs', 'escalate', { needId: need._id, version: need.version, reason: '危房改造需要住建部门' }, 'demo-helper'));
    expect(view).toMatchObject({ status: 'in_progress', escalation: 'village', escalated: { reason: '危房改造需要住建部门', at: NOW } });
    expect(view.history.at(-1)).toMatchObject({ kind: 'escalated', note: '危房改造需要住建部门', byRole: 'helper' });
    expect((await outbox('need_escalated')).filter((m) => m.page.includes(need._id)).length).toBeGreaterThan(0);
    const seen = await ok(call('needs', 'get', { needId: need._id }, 'demo-village-admin'));
    expect(seen.escalated?.reason).toBe('危房改造需要住建部门');
    const listed = await ok(call('needs', 'list', { escalated: true, limit: 100 }, 'demo-village-admin'));
    expect(listed.items.map((n) => n._id)).toContain(need._id);
    expect(listed.items.every((n) => n.escalated)).toBe(true);
  });

  it('a day later with nobody acting, the town admin sees it too', async () => {
    const need = await needIn('in_progress');
    await ok(call('needs', 'escalate', { needId: need._id, version: need.version, reason: '需要协调' }, 'demo-helper'));
    clock.set('2026-11-21T03:00:00.000Z');
    expect((await ok(call('needs', 'get', { needId: need._id }, 'demo-town-admin'))).escalation).toBe('town');
  });

  it('needs a reason; only the assignee may ask; asking twice is refused; a reassignment answers it', async () => {
    const need = await needIn('accepted');
    expect(await call('needs', 'escalate', { needId: need._id, version: need.version, reason: ' ' }, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('needs', 'escalate', { needId: need._id, version: need.version, reason: '需要协调' }, 'demo-doctor')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const first = await ok(call('needs', 'escalate', { needId: need._id, version: need.version, reason: '需要协调' }, 'demo-helper'));
    expect(await call('needs', 'escalate', { needId: need._id, version: first.version, reason: '再次' }, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const moved = await ok(call('needs', 'reassign', { needId: need._id, version: first.version, helperId: await doctorId() }, 'demo-village-admin'));
    expect(moved).toMatchObject({ escalated: null, escalation: 'none' });
    const listed = await ok(call('needs', 'list', { escalated: true, limit: 100 }, 'demo-village-admin'));
    expect(listed.items.map((n) => n._id)).not.toContain(need._id);
  });
});
