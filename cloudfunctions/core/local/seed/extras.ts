import dayjs from 'dayjs';
import type { Household } from '../../../../types/household';
import type { Notice } from '../../../../types/notice';
import type { User } from '../../../../types/user';
import { Random } from './random';
import { DEFAULT_POLICIES } from '../../benefits/catalogue';

const NOTICES: Array<Pick<Notice, 'title' | 'body' | 'requireAck' | 'pinned'> & { roles: Notice['audience']['roles']; daysAgo: number }> = [
  {
    title: '关于开展本月入户走访的通知',
    body: '各帮扶责任人：请于本月 25 日前完成结对帮扶户的入户走访，重点了解**收入变化**和**住房安全**情况，并及时在帮扶通中记录。',
    requireAck: true,
    pinned: true,
    roles: ['helper'],
    daysAgo: 3,
  },
  {
    title: '城乡居民医保集中缴费提醒',
    body: '明年度城乡居民医保集中缴费已开始，脱贫户和监测户个人缴费部分由政府代缴，请留意村委会通知。',
    requireAck: false,
    pinned: false,
    roles: ['household', 'helper'],
    daysAgo: 10,
  },
  {
    title: '防返贫监测信息采集安排',
    body: '请各乡镇于月底前完成监测对象信息采集和风险研判。',
    requireAck: true,
    pinned: false,
    roles: ['admin', 'helper'],
    daysAgo: 20,
  },
];

/**
 * Every other helper has accepted the notice subscription twice (each acceptance allows one
 * message), so a demo notice and its reminder both reach some people and show who could not be reached.
 */
function subscriptions(helpers: User[], now: Date) {
  return helpers
    .filter((h, i) => i % 2 === 1 && h.openid !== 'demo-helper')
    .map((h) => ({ _id: h._id, userId: h._id, openid: h.openid, credits: 2, updatedAt: now.toISOString() }));
}

/** Notices and other county-wide documents that do not belong to one household. */
export function buildExtras(_sample: Household[], countyAdmin: User, now: Date, _rnd: Random, helpers: User[] = []): Record<string, object[]> {
  const county = countyAdmin.regionPath;
  const notices: Notice[] = NOTICES.map((n, i) => {
    const at = dayjs(now).subtract(n.daysAgo, 'day').toISOString();
    return {
      _id: `notice-${i + 1}`,
      title: n.title,
      body: n.body,
      requireAck: n.requireAck,
      pinned: n.pinned,
      audience: { roles: n.roles, regionIds: county },
      helperRegionIds: county,
      scopePath: county,
      status: 'published',
      authorId: countyAdmin._id,
      authorName: countyAdmin.name,
      publishedAt: at,
      revokedAt: null,
      remindedAt: null,
      createdAt: at,
      updatedAt: at,
    };
  });
  return { notices, notice_subscriptions: subscriptions(helpers, now), policies: DEFAULT_POLICIES };
}
