import { freshDemoStore, call } from '../support/store';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { invalid } from '../../cloudfunctions/core/errors';
import { setWeChat, type SubscribeMessage } from '../../cloudfunctions/core/wechat';

/** WeChat faked at the core/wechat edge: two known group CloudIDs, one expired, and a record of sends. */
const sent: SubscribeMessage[] = [];
const decrypted: string[] = [];
const GROUPS: Record<string, string> = { 'cloud-town-group': 'G-TOWN', 'cloud-county-group': 'G-COUNTY' };

let store: ReturnType<typeof freshDemoStore>;
let noticeId: string;
beforeAll(async () => {
  store = freshDemoStore({ now: '2026-11-20T06:00:00Z' });
  setWeChat({
    async sendSubscribeMessage(message) {
      sent.push(message);
      return { status: 'sent', note: '' };
    },
    async decryptGroup(cloudId) {
      decrypted.push(cloudId);
      if (!GROUPS[cloudId]) throw invalid('无法识别来源群，群信息可能已过期（5 分钟），请重新从群聊打开');
      return { opengid: GROUPS[cloudId] };
    },
    async wxaCode() {
      throw new Error('notices make no 小程序码');
    },
  });
  const published = await call(
    'notices',
    'publish',
    { title: '群内转发的通知', body: '请阅读', audience: { roles: ['helper'], regionIds: ['town-1'] }, requireAck: true },
    'demo-admin',
  );
  if (!published.ok) throw new Error(published.error.message);
  noticeId = (published.data as any)._id;
});
afterAll(() => {
  setWeChat(null);
  store.close();
});

/** What the weapp client sends: the CloudID of getGroupEnterInfo as a top-level field, which WeChat replaces with `{ cloudID, data }`. */
const openFromGroup = (openid: string, groupInfo: unknown) =>
  FUNCTIONS.notices({ action: 'recordGroupOpen', payload: { noticeId }, groupInfo }, { devOpenid: openid });

const statsOf = async () => {
  const result = await call('notices', 'stats', { noticeId }, 'demo-admin');
  if (!result.ok) throw new Error(result.error.message);
  return result.data as any;
};

describe('opening a notice card from a WeChat group', () => {
  it('sends the subscription message through WeChat to subscribed audience members on publish', () => {
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]).toMatchObject({ templateId: expect.any(String), page: `package-notices/pages/detail/index?id=${noticeId}` });
    expect(sent[0].data.thing1.value).toBe('群内转发的通知');
  });

  it('records the open against the group resolved on the server and the person, and marks it read', async () => {
    const result = await openFromGroup('demo-helper', { cloudID: 'cloud-town-group', data: { openGId: 'G-TOWN' } });
    expect(result.ok && (result.data as any).read).toBe(true);
    const stats = await statsOf();
    expect(stats.read).toBe(1);
    expect(stats.groups).toEqual([{ groupId: 'G-TOWN', label: '', opens: 1, readers: 1, acknowledged: 0 }]);
  });

  it("trusts only the server's decryption: a forged group in the event counts for nothing", async () => {
    const result = await openFromGroup('demo-doctor', { cloudID: 'cloud-county-group', data: { openGId: 'FORGED' } });
    expect(result.ok).toBe(true);
    const groups = (await statsOf()).groups.map((g: any) => g.groupId);
    expect(groups).toContain('G-COUNTY');
    expect(groups).not.toContain('FORGED');
  });

  it('counts distinct readers and their acknowledgements per group', async () => {
    await openFromGroup('demo-helper', { cloudID: 'cloud-town-group' });
    await call('notices', 'markRead', { noticeId, ack: true }, 'demo-helper');
    const town = (await statsOf()).groups.find((g: any) => g.groupId === 'G-TOWN');
    expect(town).toMatchObject({ opens: 2, readers: 1, acknowledged: 1 });
  });

  it('answers INVALID_INPUT for an expired group CloudID and records nothing', async () => {
    const result = await openFromGroup('helper-4', { cloudID: 'expired' });
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect((await statsOf()).read).toBe(2);
  });

  it('does not resolve the group for someone outside the audience, who learns nothing about the notice', async () => {
    const before = decrypted.length;
    const result = await openFromGroup('demo-household', { cloudID: 'cloud-town-group' });
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
    expect(decrypted.length).toBe(before);
  });

  it('asks for the group CloudID when none was sent', async () => {
    const result = await FUNCTIONS.notices({ action: 'recordGroupOpen', payload: { noticeId } }, { devOpenid: 'demo-helper' });
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
  });

  it('lets the admin label a group seen on their notices, and shows the label in the stats', async () => {
    const labelled = await call('notices', 'labelGroup', { groupId: 'G-TOWN', label: '青禾镇帮扶群' }, 'demo-admin');
    expect(labelled.ok).toBe(true);
    expect((await statsOf()).groups.find((g: any) => g.groupId === 'G-TOWN').label).toBe('青禾镇帮扶群');
  });

  it('keeps other admins from labelling groups seen only on notices outside their scope', async () => {
    const result = await call('notices', 'labelGroup', { groupId: 'G-TOWN', label: '改名' }, 'demo-town-admin');
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
  });

  it('sends reminders through WeChat to unread people who subscribed, and lists them in the outbox as sent', async () => {
    await call('notices', 'subscribe', { accepted: true }, 'helper-7');
    const before = sent.length;
    const result = await call('notices', 'remind', { noticeId }, 'demo-admin');
    const reached = sent.slice(before).map((m) => m.touser);
    expect(result.ok && (result.data as any).recorded).toBe(reached.length);
    expect(reached).toContain('helper-7');
    expect(reached).not.toContain('demo-helper');
    const outbox = await call('notices', 'listOutbox', {}, 'demo-admin');
    const reminder = (outbox.ok ? (outbox.data as any).items : []).find((m: any) => m.reason === 'remind' && m.userId === 'helper-7');
    expect(reminder.status).toBe('sent');
  });
});
