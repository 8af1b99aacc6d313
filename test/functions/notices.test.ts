import { freshDemoStore, call, ok } from '../support/store';
import { NOTICE_BODY_MAX } from '../../types/notice';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: '2026-11-20T06:00:00Z' });
});
afterAll(() => store.close());

async function code(p: Promise<any>): Promise<string> {
  const result = await p;
  return result.ok ? 'OK' : result.error.code;
}
const inbox = async (openid: string) => (await ok(call('notices', 'list', { limit: 100 }, openid))).items.map((n: any) => n.title);
const draft = (over: object = {}) => ({
  title: '青禾镇帮扶责任人本周例会',
  body: '请各位于**周五下午**到镇政府参会。',
  audience: { roles: ['helper'], regionIds: ['town-1'] },
  requireAck: true,
  ...over,
});

describe('notices.publish, list and audience', () => {
  it('publishes a notice to the helpers of one town, who see it while other towns and households do not', async () => {
    const notice = await ok(call('notices', 'publish', draft(), 'demo-admin'));
    expect(notice._id).toEqual(expect.any(String));
    expect(notice.status).toBe('published');
    expect(notice.audience.regionIds).toEqual(['town-1']);
    expect(await inbox('demo-helper')).toContain('青禾镇帮扶责任人本周例会');
    expect(await inbox('demo-doctor')).toContain('青禾镇帮扶责任人本周例会');
    expect(await inbox('helper-2')).not.toContain('青禾镇帮扶责任人本周例会');
    expect(await inbox('demo-household')).not.toContain('青禾镇帮扶责任人本周例会');
    expect(await code(call('notices', 'get', { noticeId: notice._id }, 'demo-household'))).toBe('NOT_FOUND');
  });

  it('lists pinned notices first, then the newest, and answers { items, total }', async () => {
    const data = await ok(call('notices', 'list', {}, 'demo-helper'));
    expect(data.total).toBe(data.items.length);
    expect(data.items[0].pinned).toBe(true);
    expect(data.items[1].title).toBe('青禾镇帮扶责任人本周例会');
  });

  it("without regions, reaches the admin's whole scope: a town admin's notice to households reaches the demo household", async () => {
    await ok(call('notices', 'publish', draft({ title: '致全镇帮扶户的一封信', audience: { roles: ['household'] }, requireAck: false }), 'demo-town-admin'));
    expect(await inbox('demo-household')).toContain('致全镇帮扶户的一封信');
    expect(await inbox('demo-helper')).not.toContain('致全镇帮扶户的一封信');
  });

  it("reaches the helpers of a village's town and the admins below a town", async () => {
    await ok(
      call(
        'notices',
        'publish',
        draft({ title: '上坪村入户核查', audience: { roles: ['helper', 'household', 'admin'], regionIds: ['village-1-1'] } }),
        'demo-admin',
      ),
    );
    expect(await inbox('demo-helper')).toContain('上坪村入户核查');
    expect(await inbox('demo-household')).toContain('上坪村入户核查');
    expect(await inbox('demo-village-admin')).toContain('上坪村入户核查');
    expect(await inbox('demo-town-admin')).not.toContain('上坪村入户核查');
  });

  it('counts the audience of each role', async () => {
    const towns = await ok(call('notices', 'publish', draft({ title: '全县管理员', audience: { roles: ['admin'] } }), 'demo-admin'));
    expect((await ok(call('notices', 'stats', { noticeId: towns._id }, 'demo-admin'))).audience).toBe(2);
    const helpers = await ok(call('notices', 'publish', draft({ title: '全县帮扶责任人', audience: { roles: ['helper'] } }), 'demo-admin'));
    expect((await ok(call('notices', 'stats', { noticeId: helpers._id }, 'demo-admin'))).audience).toBe(30);
  });
});

describe('notices.audienceOptions', () => {
  it('offers a town admin their town and its villages only', async () => {
    const { regions } = await ok(call('notices', 'audienceOptions', {}, 'demo-town-admin'));
    expect(regions.map((r: any) => r._id)).toEqual(['town-1', 'village-1-1', 'village-1-2', 'village-1-3', 'village-1-4']);
  });
});

describe('notices bad input', () => {
  it.each([
    ['an empty title', 'INVALID_INPUT', draft({ title: '  ' })],
    ['an oversized body', 'INVALID_INPUT', draft({ body: '字'.repeat(NOTICE_BODY_MAX + 1) })],
    ['no audience roles', 'INVALID_INPUT', draft({ audience: { roles: [] } })],
    ['an unknown role', 'INVALID_INPUT', draft({ audience: { roles: ['mayor'] } })],
    ['requireAck as text', 'INVALID_INPUT', draft({ requireAck: 'yes' })],
  ])('%s answers %s', async (_name, expected, payload) => {
    expect(await code(call('notices', 'publish', payload, 'demo-admin'))).toBe(expected);
  });

  it('an empty title explains itself in Chinese', async () => {
    const result = await call('notices', 'publish', draft({ title: '' }), 'demo-admin');
    expect(!result.ok && result.error.message).toContain('请填写通知标题');
  });

  it.each([
    ['a town admin addressing another town', 'demo-town-admin', ['town-2']],
    ['a town admin addressing the county', 'demo-town-admin', ['county-1']],
    ['a village admin addressing another village', 'demo-village-admin', ['village-1-2']],
  ])('%s is FORBIDDEN', async (_name, openid, regionIds) => {
    expect(await code(call('notices', 'publish', draft({ audience: { roles: ['helper'], regionIds } }), openid))).toBe('FORBIDDEN');
  });

  it('helpers and households cannot publish', async () => {
    expect(await code(call('notices', 'publish', draft(), 'demo-helper'))).toBe('FORBIDDEN');
    expect(await code(call('notices', 'publish', draft(), 'demo-household'))).toBe('FORBIDDEN');
  });
});

describe('reading, acknowledging and stats', () => {
  let noticeId: string;
  beforeAll(async () => {
    await ok(call('notices', 'subscribe', { accepted: true }, 'helper-10'));
    noticeId = (await ok(call('notices', 'publish', draft({ title: '请确认收到' }), 'demo-admin')))._id;
  });

  it('opening marks read and lowers the unread count; acknowledging is one call', async () => {
    const before = (await ok(call('notices', 'unreadCount', {}, 'demo-helper'))).count;
    const read = await ok(call('notices', 'markRead', { noticeId }, 'demo-helper'));
    expect(read).toMatchObject({ read: true, acknowledged: false });
    expect((await ok(call('notices', 'unreadCount', {}, 'demo-helper'))).count).toBe(before - 1);
    expect(await ok(call('notices', 'markRead', { noticeId, ack: true }, 'demo-helper'))).toMatchObject({ read: true, acknowledged: true });
  });

  it('shows the admin 1 read, 1 acknowledged and who has not read', async () => {
    const stats = await ok(call('notices', 'stats', { noticeId }, 'demo-admin'));
    expect(stats).toMatchObject({ audience: 10, read: 1, acknowledged: 1 });
    expect(stats.unread).toHaveLength(9);
    expect(stats.unread.map((p: any) => p.userId)).not.toContain('helper-1');
    expect(stats.unread[0]).toMatchObject({ role: 'helper', regionName: '青禾镇' });
  });

  it('keeps stats to admins who manage the notice', async () => {
    expect(await code(call('notices', 'stats', { noticeId }, 'demo-helper'))).toBe('FORBIDDEN');
    expect(await code(call('notices', 'stats', { noticeId }, 'demo-village-admin'))).toBe('NOT_FOUND');
  });

  it('counts link opens, tagged as link opens', async () => {
    await ok(call('notices', 'markRead', { noticeId, via: 'link' }, 'demo-doctor'));
    const stats = await ok(call('notices', 'stats', { noticeId }, 'demo-admin'));
    expect(stats).toMatchObject({ read: 2, linkOpens: 1, linkReaders: 1 });
  });

  it('sent the published notice to the subscribed audience members, spending their subscription', async () => {
    const outbox = await ok(call('notices', 'listOutbox', { limit: 100 }, 'demo-admin'));
    const sent = outbox.items.filter((m: any) => m.noticeId === noticeId && m.reason === 'publish');
    expect(sent.map((m: any) => [m.userId, m.status])).toEqual([['helper-10', 'recorded']]);
    expect((await ok(call('notices', 'subscription', {}, 'helper-10'))).credits).toBe(0);
  });

  it('reminds those who have not read: subscribed people get a message in the outbox, others are listed as skipped', async () => {
    expect((await ok(call('notices', 'subscribe', { accepted: true }, 'helper-4'))).credits).toBe(1);
    const result = await ok(call('notices', 'remind', { noticeId }, 'demo-admin'));
    expect(result.recorded + result.skipped).toBe(8);
    expect(result.recorded).toBe(1);
    const outbox = await ok(call('notices', 'listOutbox', { limit: 100 }, 'demo-admin'));
    const mine = outbox.items.filter((m: any) => m.noticeId === noticeId && m.reason === 'remind');
    expect(mine).toHaveLength(8);
    expect(mine.filter((m: any) => m.status === 'recorded')).toHaveLength(result.recorded);
    expect(mine.map((m: any) => m.userId)).not.toContain('helper-1');
    expect(mine[0].data.thing1.value).toBe('请确认收到');
    expect(mine[0]).not.toHaveProperty('touser');
  });

  it('refuses a second reminder within 10 minutes', async () => {
    expect(await code(call('notices', 'remind', { noticeId }, 'demo-admin'))).toBe('RATE_LIMITED');
  });

  it('refuses an acknowledgement on a notice that needs none', async () => {
    const plain = await ok(call('notices', 'publish', draft({ title: '无需确认', requireAck: false }), 'demo-admin'));
    expect(await code(call('notices', 'markRead', { noticeId: plain._id, ack: true }, 'demo-helper'))).toBe('INVALID_INPUT');
  });
});

describe('drafts and revoking', () => {
  it('keeps a draft from its audience until it is published, and edits it before then', async () => {
    const saved = await ok(call('notices', 'saveDraft', draft({ title: '草稿通知' }), 'demo-admin'));
    expect(saved.status).toBe('draft');
    expect(await inbox('demo-helper')).not.toContain('草稿通知');
    await ok(call('notices', 'saveDraft', draft({ noticeId: saved._id, title: '草稿通知（修改）' }), 'demo-admin'));
    const managed = await ok(call('notices', 'list', { box: 'manage', limit: 100 }, 'demo-admin'));
    expect(managed.items.map((n: any) => n.title)).toContain('草稿通知（修改）');
    const published = await ok(call('notices', 'publish', draft({ noticeId: saved._id, title: '草稿通知（发布）' }), 'demo-admin'));
    expect(published).toMatchObject({ _id: saved._id, status: 'published' });
    expect(await inbox('demo-helper')).toContain('草稿通知（发布）');
    expect(await code(call('notices', 'saveDraft', draft({ noticeId: saved._id }), 'demo-admin'))).toBe('CONFLICT');
  });

  it('shows a revoked notice as withdrawn rather than removing it, and refuses acknowledging it', async () => {
    const notice = await ok(call('notices', 'publish', draft({ title: '将被撤回', pinned: true }), 'demo-admin'));
    expect(await code(call('notices', 'revoke', { noticeId: notice._id }, 'demo-town-admin'))).toBe('NOT_FOUND');
    const revoked = await ok(call('notices', 'revoke', { noticeId: notice._id }, 'demo-admin'));
    expect(revoked).toMatchObject({ status: 'revoked', pinned: false });
    const item = (await ok(call('notices', 'list', { limit: 100 }, 'demo-helper'))).items.find((n: any) => n._id === notice._id);
    expect(item!.status).toBe('revoked');
    expect(await code(call('notices', 'markRead', { noticeId: notice._id, ack: true }, 'demo-helper'))).toBe('CONFLICT');
    expect(await code(call('notices', 'revoke', { noticeId: notice._id }, 'demo-admin'))).toBe('CONFLICT');
  });

  it('lets a town admin manage notices of its town, and the county admin manage them too', async () => {
    const notice = await ok(call('notices', 'publish', draft({ title: '镇里的通知' }), 'demo-town-admin'));
    expect(await ok(call('notices', 'stats', { noticeId: notice._id }, 'demo-admin'))).toMatchObject({ audience: 10 });
    expect(await code(call('notices', 'stats', { noticeId: 'notice-1' }, 'demo-town-admin'))).toBe('NOT_FOUND');
  });
});
