import { randomUUID } from 'node:crypto';
import { clock } from '../../cloudfunctions/core/clock';
import { freshDemoStore, call } from '../support/store';
import { needIn, ok, report } from './needs-support';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => {
  clock.set(null);
  store.close();
});
afterEach(() => clock.set(null));

/** China time 2026-11-20 is a Friday. */
describe('deadlines with a fixed clock', () => {
  it.each([
    [
      'an emergency reported Friday 10:00 must be accepted by Saturday 10:00 and resolved within 72 hours',
      'emergency',
      '2026-11-20T02:00:00.000Z',
      '2026-11-21T02:00:00.000Z',
      '2026-11-23T02:00:00.000Z',
    ],
    [
      'a medical need reported Friday 10:00 must be accepted by Tuesday evening and resolved 20 working days on',
      'medical',
      '2026-11-20T02:00:00.000Z',
      '2026-11-24T15:59:59.999Z',
      '2026-12-18T15:59:59.999Z',
    ],
    [
      'a housing need reported Saturday must be accepted by Tuesday evening',
      'housing',
      '2026-11-21T03:00:00.000Z',
      '2026-11-24T15:59:59.999Z',
      '2026-12-18T15:59:59.999Z',
    ],
    [
      'a need reported Monday 23:30 China time counts from Monday',
      'living',
      '2026-11-23T15:30:00.000Z',
      '2026-11-25T15:59:59.999Z',
      '2026-12-21T15:59:59.999Z',
    ],
  ])('%s', async (_sentence, category, now, acceptBy, resolveBy) => {
    clock.set(now);
    const need = await ok(report({ id: randomUUID(), category, description: '测试时限' }));
    expect(need).toMatchObject({ reportedAt: now, acceptBy, resolveBy, deadline: acceptBy, overdue: false });
  });

  it('shows an emergency as overdue one minute after its 24 hours, escalated to the village, then to the town a day later', async () => {
    clock.set('2026-11-20T02:00:00.000Z');
    const need = await ok(report({ id: randomUUID(), category: 'emergency', description: '急病' }));
    clock.set('2026-11-21T01:59:00.000Z');
    expect(await ok(call('needs', 'get', { needId: need._id }, 'demo-helper'))).toMatchObject({ overdue: false, escalation: 'none' });
    clock.set('2026-11-21T02:01:00.000Z');
    expect(await ok(call('needs', 'get', { needId: need._id }, 'demo-helper'))).toMatchObject({ overdue: true, escalation: 'village' });
    const overdue = await ok(call('needs', 'list', { overdue: true, limit: 100 }, 'demo-village-admin'));
    expect(overdue.items.map((n: any) => n._id)).toContain(need._id);
    clock.set('2026-11-22T02:01:00.000Z');
    expect(await ok(call('needs', 'get', { needId: need._id }, 'demo-helper'))).toMatchObject({ overdue: true, escalation: 'town' });
  });

  it('moves the deadline to resolving once accepted, and clears it once resolved', async () => {
    clock.set('2026-11-20T02:00:00.000Z');
    const need = await ok(report({ id: randomUUID(), category: 'medical', description: '看病' }));
    const accepted = await ok(call('needs', 'transition', { needId: need._id, to: 'accepted', version: 1 }, 'demo-helper'));
    expect(accepted).toMatchObject({ deadline: need.resolveBy, overdue: false });
    clock.set('2026-12-19T00:00:00.000Z');
    expect(await ok(call('needs', 'get', { needId: need._id }, 'demo-helper'))).toMatchObject({ overdue: true });
    const resolved = await ok(call('needs', 'transition', { needId: need._id, to: 'resolved', version: 2, note: '已办理' }, 'demo-helper'));
    expect(resolved).toMatchObject({ deadline: null, overdue: false, escalation: 'none' });
  });

  it('gives a reopened need a fresh resolve deadline from the reopening', async () => {
    const need = await needIn('resolved');
    clock.set('2026-12-01T02:00:00.000Z');
    const reopened = await ok(call('needs', 'transition', { needId: need._id, to: 'reopened', version: need.version, note: '屋顶还在漏' }, 'demo-household'));
    expect(reopened).toMatchObject({ resolveBy: '2026-12-29T15:59:59.999Z', deadline: '2026-12-29T15:59:59.999Z' });
  });
});

describe('deadline settings', () => {
  it('lets the county admin change the deadlines for needs reported afterwards, and nobody else', async () => {
    expect(await ok(call('needs', 'getSettings', {}, 'demo-household'))).toEqual({
      emergencyAcceptHours: 24,
      emergencyResolveHours: 72,
      acceptWorkingDays: 2,
      resolveWorkingDays: 20,
    });
    const settings = { emergencyAcceptHours: 12, emergencyResolveHours: 48, acceptWorkingDays: 1, resolveWorkingDays: 10 };
    expect(await call('needs', 'updateSettings', settings, 'demo-town-admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('needs', 'updateSettings', settings, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ok(call('needs', 'updateSettings', settings, 'demo-admin'))).toEqual(settings);
    clock.set('2026-11-20T02:00:00.000Z');
    const emergency = await ok(report({ id: randomUUID(), category: 'emergency', description: '急病' }));
    expect(emergency.acceptBy).toBe('2026-11-20T14:00:00.000Z');
    const medical = await ok(report({ id: randomUUID(), category: 'medical', description: '看病' }));
    expect(medical).toMatchObject({ acceptBy: '2026-11-23T15:59:59.999Z', resolveBy: '2026-12-04T15:59:59.999Z' });
    await ok(
      call('needs', 'updateSettings', { emergencyAcceptHours: 24, emergencyResolveHours: 72, acceptWorkingDays: 2, resolveWorkingDays: 20 }, 'demo-admin'),
    );
  });
});
