import { clock } from '../../cloudfunctions/core/clock';
import { getDb } from '../../cloudfunctions/core/store';
import { satisfactionOfMonth } from '../../cloudfunctions/core/satisfaction/rating.service';
import { HouseholdRatings } from '../../types/satisfaction';
import { freshDemoStore, call, SEED_NOW, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
let primary = '';
beforeAll(async () => {
  store = freshDemoStore();
  clock.set(SEED_NOW);
  primary = (await getDb().collection('pairings').where({ householdId: 'hh-000001', role: 'primary', active: true }).get()).data[0].helperId;
});
afterEach(() => clock.set(SEED_NOW));
afterAll(() => {
  clock.set(null);
  store.close();
});

const rate = (over: Record<string, unknown> = {}, openid = 'demo-household') =>
  call('assignments', 'rateHelper', { helperId: primary, rating: 4, ...over }, openid);

describe('满意度 (assignments.rateHelper)', () => {
  it("lists the household's helpers unrated, then rated once the household rates one", async () => {
    const before = HouseholdRatings.parse(await ok(call('assignments', 'householdRatings', {}, 'demo-household')));
    expect(before.quarter).toBe('2026-Q4');
    expect(before.items.find((i) => i.helperId === primary)!.rating).toBeNull();
    const after = HouseholdRatings.parse(await ok(rate({ reasons: ['办事热心'], comment: '很好' })));
    expect(after.items.find((i) => i.helperId === primary)!.rating).toMatchObject({ rating: 4, reasons: ['办事热心'], comment: '很好' });
  });

  it('once a quarter: the same rating again answers as stored, a different one is refused with CONFLICT', async () => {
    await ok(rate({ reasons: ['办事热心'], comment: '很好' }));
    expect(await rate({ rating: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('第4季度') } });
  });

  it('the next quarter the household can rate again, and the helper sees only the mean and count', async () => {
    clock.set(new Date('2027-01-05T04:00:00Z'));
    await ok(rate({ rating: 2 }));
    const mine = call('assignments', 'myRating', {}, 'demo-helper');
    const me = (await getDb().collection('users').where({ openid: 'demo-helper' }).get()).data[0]._id;
    expect(me).toBe(primary);
    expect(await ok(mine)).toEqual({ average: 3, count: 2 });
    expect(await ok(call('assignments', 'myRating', {}, 'demo-doctor'))).toEqual({ average: null, count: 0 });
    expect(Object.keys(await ok(mine)).sort()).toEqual(['average', 'count']);
  });

  it("feeds the month's satisfaction figure: the mean rating given in the month and its count", async () => {
    expect(await satisfactionOfMonth({ countyId: 'county-1' }, '2026-11')).toEqual({ average: 4, count: 1 });
    expect(await satisfactionOfMonth({ countyId: 'county-1' }, '2027-01')).toEqual({ average: 2, count: 1 });
    expect(await satisfactionOfMonth({ townId: 'town-2' }, '2026-11')).toEqual({ average: null, count: 0 });
  });

  it('a helper not paired with the household cannot be rated by it', async () => {
    const paired = new Set((await getDb().collection('pairings').where({ householdId: 'hh-000001', active: true }).get()).data.map((p: any) => p.helperId));
    const stranger = (await getDb().collection('users').where({ role: 'helper' }).get()).data.find((u: any) => !paired.has(u._id));
    expect(stranger).toBeDefined();
    expect(await rate({ helperId: stranger._id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await rate({ helperId: 'helper-nonexistent' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a rating outside 1–5 and other callers', async () => {
    expect(await rate({ rating: 6 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('1 到 5 星') } });
    expect(await rate({}, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await rate({}, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
