import { randomUUID } from 'node:crypto';
import { freshDemoStore, call, ok } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

const submit = (openid: string, extra: Record<string, unknown> = {}) =>
  call('feedback', 'submit', { id: randomUUID(), category: 'complaint', text: '村里路灯坏了三个月没人修', ...extra }, openid);

describe('意见建议 from a household to the county office', () => {
  it('a household sends a suggestion, the county admin answers it, and the household sees the answer', async () => {
    const sent = await ok(submit('demo-household', { category: 'suggestion', text: '希望每月通知低保到账' }));
    expect(sent).toMatchObject({ status: 'open', version: 1, authorRole: 'household', countyId: 'county-1', answer: null, category: 'suggestion' });
    expect(sent).not.toHaveProperty('authorId');

    const queue = await ok(call('feedback', 'list', { status: 'open' }, 'demo-admin'));
    const row = queue.items.find((f) => f._id === sent._id);
    expect(row).toMatchObject({ headName: expect.any(String), villageName: expect.any(String) });

    const answered = await ok(call('feedback', 'answer', { feedbackId: sent._id, version: 1, text: '已安排民政办每月短信通知' }, 'demo-admin'));
    expect(answered).toMatchObject({ status: 'answered', version: 2, answer: { text: '已安排民政办每月短信通知', byName: '县扶贫办' } });

    const mine = await ok(call('feedback', 'listMine', {}, 'demo-household'));
    expect(mine.items.find((f) => f._id === sent._id)?.answer?.text).toBe('已安排民政办每月短信通知');
  });

  it('an answer written from a stale version is refused with the latest item, never overwriting', async () => {
    const sent = await ok(submit('demo-household'));
    await ok(call('feedback', 'answer', { feedbackId: sent._id, version: 1, text: '第一位管理员的答复' }, 'demo-admin'));
    const late = await call('feedback', 'answer', { feedbackId: sent._id, version: 1, text: '第二位管理员的答复' }, 'demo-admin');
    expect(late.ok).toBe(false);
    if (late.ok) return;
    expect(late.error.code).toBe('CONFLICT');
    expect((late.error.details as any).feedback.answer.text).toBe('第一位管理员的答复');
  });

  it('a re-sent submission is stored once; another text under the same id is refused', async () => {
    const body = { id: randomUUID(), category: 'question', text: '雨露计划怎么申请' };
    const first = await ok(call('feedback', 'submit', body, 'demo-household'));
    const again = await ok(call('feedback', 'submit', body, 'demo-household'));
    expect(again._id).toBe(first._id);
    const mine = await ok(call('feedback', 'listMine', { limit: 100 }, 'demo-household'));
    expect(mine.items.filter((f) => f._id === body.id)).toHaveLength(1);
    const clash = await call('feedback', 'submit', { ...body, text: '换了内容' }, 'demo-household');
    expect(!clash.ok && clash.error.code).toBe('CONFLICT');
  });

  it("a helper writes too and sees only their own; the household does not see the helper's", async () => {
    const sent = await ok(submit('demo-helper', { text: '走访表格太多，建议合并' }));
    expect(sent).toMatchObject({ authorRole: 'helper', householdId: null, countyId: 'county-1' });
    const helperMine = await ok(call('feedback', 'listMine', { limit: 100 }, 'demo-helper'));
    expect(helperMine.items.map((f) => f._id)).toContain(sent._id);
    expect(helperMine.items.every((f) => f.authorRole === 'helper')).toBe(true);
    const householdMine = await ok(call('feedback', 'listMine', { limit: 100 }, 'demo-household'));
    expect(householdMine.items.map((f) => f._id)).not.toContain(sent._id);
  });

  it('town and village admins read none and cannot answer: to them an item is as if it did not exist', async () => {
    const sent = await ok(submit('demo-household'));
    for (const openid of ['demo-town-admin', 'demo-village-admin']) {
      expect(await ok(call('feedback', 'list', {}, openid))).toEqual({ items: [], total: 0 });
      const hidden = await call('feedback', 'answer', { feedbackId: sent._id, version: 1, text: '答复' }, openid);
      const none = await call('feedback', 'answer', { feedbackId: 'feedback-nonexistent', version: 1, text: '答复' }, openid);
      expect(hidden).toEqual(none);
      expect(!hidden.ok && hidden.error.code).toBe('NOT_FOUND');
    }
  });

  it('lists open items first, oldest first, then answered ones', async () => {
    const { items } = await ok(call('feedback', 'list', { limit: 100 }, 'demo-admin'));
    const firstAnswered = items.findIndex((f) => f.status === 'answered');
    expect(firstAnswered).toBeGreaterThan(0);
    expect(items.slice(firstAnswered).every((f) => f.status === 'answered')).toBe(true);
  });

  it('empty text gets a message next to the field', async () => {
    const r = await submit('demo-household', { text: '   ' });
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    expect(!r.ok && r.error.message).toContain('请写下您的意见或建议');
  });
});
