import { randomUUID } from 'node:crypto';
import { freshDemoStore, call } from '../support/store';
import { needIn } from './needs-support';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

const good = () => ({ id: randomUUID(), category: 'medical', description: '需要帮助' });
const long = (n: number) => '字'.repeat(n);

/** [field, what is wrong, payload change]: each must answer INVALID_INPUT naming the field in Chinese. */
const REPORT_CASES: Array<[string, string, Record<string, unknown>]> = [
  ['编号', 'is missing', { id: undefined }],
  ['编号', 'is not a UUID', { id: 'need-1' }],
  ['编号', 'is a number', { id: 42 }],
  ['需求类别', 'is missing', { category: undefined }],
  ['需求类别', 'is unknown', { category: 'weather' }],
  ['需求描述', 'is missing', { description: undefined }],
  ['需求描述', 'is only spaces', { description: '   ' }],
  ['需求描述', 'is longer than 1000 characters', { description: long(1001) }],
  ['需求描述', 'is a number', { description: 5 }],
  ['照片', 'is not a list', { photos: 'a.jpg' }],
  ['照片', 'has more than 9 photos', { photos: Array.from({ length: 10 }, (_, i) => `cloud://p${i}.jpg`) }],
  ['照片', 'holds an empty name', { photos: [''] }],
  ['回拨电话', 'is not a mobile number', { callbackPhone: '12345' }],
  ['回拨电话', 'is a number', { callbackPhone: 13800001111 }],
  ['户编号', 'is empty', { householdId: '' }],
];

describe('needs.report refuses bad input of every field', () => {
  it.each(REPORT_CASES)('%s %s', async (label, _what, change) => {
    const result = await call('needs', 'report', { ...good(), ...change }, 'demo-household');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(label) } });
    expect((result as any).error.message).not.toMatch(/Error|undefined|at /);
  });

  it('refuses a payload that is not an object', async () => {
    expect(await call('needs', 'report', 'emergency', 'demo-household')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('needs.transition refuses bad input of every field', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a missing needId', { needId: undefined }],
    ['an empty needId', { needId: '' }],
    ['an unknown target state', { to: 'done' }],
    ['the target "reported"', { to: 'reported' }],
    ['a missing version', { version: undefined }],
    ['a version given as text', { version: '3' }],
    ['a fractional version', { version: 2.5 }],
    ['a negative version', { version: -1 }],
    ['a note longer than 1000 characters', { note: long(1001) }],
    ['a note that is not text', { note: ['x'] }],
    ['evidence photos that are not a list', { photos: 'a.jpg' }],
    ['more than 9 evidence photos', { photos: Array.from({ length: 10 }, (_, i) => `cloud://e${i}.jpg`) }],
  ])('with %s', async (_what, change) => {
    const need = await needIn('reported');
    const result = await call('needs', 'transition', { needId: need._id, to: 'accepted', version: need.version, ...change }, 'demo-helper');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers NOT_FOUND for a need that does not exist', async () => {
    expect(await call('needs', 'transition', { needId: 'no-such-need', to: 'accepted', version: 1 }, 'demo-helper')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('needs.rate, list and updateSettings refuse bad input', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a rating of 0', { rating: 0 }],
    ['a rating of 6', { rating: 6 }],
    ['a rating of 2.5', { rating: 2.5 }],
    ['a rating given as text', { rating: '5' }],
    ['a missing rating', { rating: undefined }],
    ['a comment over 500 characters', { comment: long(501) }],
    ['a text version', { version: 'v1' }],
  ])('rate with %s', async (_what, change) => {
    const need = await needIn('resolved');
    expect(await call('needs', 'rate', { needId: need._id, rating: 4, ...change }, 'demo-household')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a limit of 0', { limit: 0 }],
    ['a limit of 101', { limit: 101 }],
    ['a negative offset', { offset: -1 }],
    ['an unknown status', { status: 'lost' }],
    ['an unknown category', { category: 'weather' }],
    ['overdue as text', { overdue: 'yes' }],
    ['unrated as a number', { unrated: 1 }],
    ['an empty householdId', { householdId: '' }],
  ])('list with %s', async (_what, payload) => {
    expect(await call('needs', 'list', payload, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each<[string, Record<string, unknown>]>([
    ['0 hours to answer an emergency', { emergencyAcceptHours: 0 }],
    ['a fractional number of working days', { acceptWorkingDays: 1.5 }],
    ['a missing resolve period', { resolveWorkingDays: undefined }],
    ['hours as text', { emergencyResolveHours: '72' }],
    ['121 working days', { resolveWorkingDays: 121 }],
  ])('updateSettings with %s', async (_what, change) => {
    const payload = { emergencyAcceptHours: 24, emergencyResolveHours: 72, acceptWorkingDays: 2, resolveWorkingDays: 20, ...change };
    expect(await call('needs', 'updateSettings', payload, 'demo-admin')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
