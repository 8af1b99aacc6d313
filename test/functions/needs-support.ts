import { randomUUID } from 'node:crypto';
import { getDb } from '../../cloudfunctions/core/store';
import type { Need, NeedStatus } from '../../types/need';
import { call } from '../support/store';
import { currentDeadline } from '../../cloudfunctions/core/needs/deadline.rules';

/** The demo household hh-000001 (上坪村, 青禾镇): primary helper demo-helper (helper-1), health helper demo-doctor. */
export const DEMO_HOUSEHOLD = 'hh-000001';
export const NOW = '2026-11-20T02:00:00.000Z';

/** Extra accounts the seed does not have: an admin of another town and a member of another household. */
export async function addOutsiders() {
  const db = getDb();
  const createdAt = NOW;
  await db.collection('users').add({
    _id: 'test-admin-town-2',
    openid: 'test-town2-admin',
    role: 'admin',
    name: '外镇管理员',
    scope: { level: 'town', regionId: 'town-2' },
    regionPath: ['county-1', 'town-2'],
    active: true,
    createdAt,
  });
  await db.collection('users').add({
    _id: 'test-household-2',
    openid: 'test-household-2',
    role: 'household',
    name: '别家',
    householdId: 'hh-000002',
    regionPath: [],
    active: true,
    createdAt,
  });
}

/** A need of the demo household placed directly in a given status, to test one transition from it. */
export async function needIn(status: NeedStatus, overrides: Partial<Need> = {}): Promise<Need> {
  const need: Need = {
    _id: randomUUID(),
    householdId: DEMO_HOUSEHOLD,
    countyId: 'county-1',
    townId: 'town-1',
    villageId: 'village-1-1',
    category: 'medical',
    description: '老人住院需要报销指导',
    photos: [],
    status,
    version: 3,
    assigneeId: 'helper-1',
    reportedBy: 'user-household-1',
    reportedAt: '2026-11-19T02:00:00.000Z',
    acceptBy: '2026-11-21T15:59:59.999Z',
    resolveBy: '2026-12-17T15:59:59.999Z',
    dueAt: currentDeadline({ status, acceptBy: '2026-11-21T15:59:59.999Z', resolveBy: '2026-12-17T15:59:59.999Z' }),
    history: [{ status: 'reported', by: 'user-household-1', at: '2026-11-19T02:00:00.000Z' }],
    ...overrides,
  };
  await getDb().collection('needs').add(need);
  return need;
}

/** The data of an ok answer (shared with every function test). */
export { ok } from '../support/store';

export const report = (payload: Record<string, unknown>, openid = 'demo-household') => call('needs', 'report', payload, openid);
