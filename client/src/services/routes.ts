import Taro from '@tarojs/taro';
import type { Role } from '@bangfu/types';

/** Every page's path, absolute; the browser tests use the same paths on H5 (router mode `browser`). */
export const ROUTES = {
  launcher: '/pages/index/index',
  login: '/pages/login/index',
  bind: '/pages/bind/index',
  me: '/pages/me/index',
  notFound: '/pages/not-found/index',
  householdHome: '/package-household/pages/home/index',
  helperHome: '/package-helper/pages/home/index',
  recordVisit: '/package-helper/pages/record/index',
  householdDetail: '/package-common/pages/household/index',
  householdCard: '/package-common/pages/card/index',
  feedback: '/package-common/pages/feedback/index',
  adminFeedback: '/package-admin/pages/feedback/index',
  adminHome: '/package-admin/pages/home/index',
  adminHouseholds: '/package-admin/pages/households/index',
  adminHouseholdEdit: '/package-admin/pages/household-edit/index',
  adminAdjust: '/package-admin/pages/adjust/index',
  adminImport: '/package-admin/pages/import/index',
  adminPairing: '/package-admin/pages/pairing/index',
  adminHelper: '/package-admin/pages/helper/index',
  adminAssign: '/package-admin/pages/assign/index',
  myNeeds: '/package-household/pages/needs/index',
  needReport: '/package-household/pages/need-report/index',
  myNeed: '/package-household/pages/need/index',
  helperNeeds: '/package-helper/pages/needs/index',
  helperNeed: '/package-helper/pages/need/index',
  adminNeeds: '/package-admin/pages/needs/index',
  adminNeed: '/package-admin/pages/need/index',
  myBenefits: '/package-household/pages/benefits/index',
  /** 风险自查 and 申请帮扶 (SPEC §3b), with the application's progress. */
  selfCheck: '/package-household/pages/self-check/index',
  /** 医保大额自付导入 (部门筛查预警). */
  adminMedicalImport: '/package-admin/pages/medical-import/index',
  calculator: '/package-public/pages/calculator/index',
  adminPolicies: '/package-admin/pages/policies/index',
  benefitRecords: '/package-admin/pages/benefit-records/index',
  benefitGaps: '/package-admin/pages/gaps/index',
  visitCoverage: '/package-admin/pages/coverage/index',
  notices: '/package-notices/pages/list/index',
  noticeDetail: '/package-notices/pages/detail/index',
  noticeCompose: '/package-admin/pages/notice-compose/index',
  noticeStats: '/package-admin/pages/notice-stats/index',
  noticeOutbox: '/package-admin/pages/notice-outbox/index',
  finding: '/package-common/pages/finding/index',
  adminFindings: '/package-admin/pages/findings/index',
  adminFindingNew: '/package-admin/pages/finding-new/index',
  review: '/package-common/pages/review/index',
  integrity: '/package-admin/pages/integrity/index',
  visitConfirmations: '/package-admin/pages/visit-confirmations/index',
  /** 月度通报: an admin's month (`month`), or a published one opened from its notice (`id`). */
  bulletin: '/package-common/pages/bulletin/index',
  /** 监测预警 (识别纳入): one warning, the helper's list, the admin's board and the 公示名单. */
  warning: '/package-common/pages/warning/index',
  helperWarnings: '/package-helper/pages/warnings/index',
  adminWarnings: '/package-admin/pages/warnings/index',
  warningNotice: '/package-admin/pages/warning-notice/index',
  monitoringParams: '/package-admin/pages/monitoring-params/index',
  /** 电脑端登录确认: opened by scanning the desktop's QR in WeChat (`id`, `scene` or `q`). */
  webLogin: '/package-common/pages/web-login/index',
} as const;

export type Route = keyof typeof ROUTES;

const PAGES = new Set<string>(Object.values(ROUTES));

/**
 * Where to go back to after signing in (`?redirect=` on the sign-in page, e.g. a scanned door
 * code's card): only one of this app's own pages with its query — never another site, a scheme or
 * the sign-in page itself. Null when there is nothing acceptable to return to.
 */
export function returnTarget(raw: string | undefined): string | null {
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const cut = value.indexOf('?');
  const path = cut < 0 ? value : value.slice(0, cut);
  if (!PAGES.has(path) || path === ROUTES.login || /[\s\\#]/.test(value)) return null;
  return value;
}

/** What a page reads from `useRouter().params`; undefined values are left out. */
export type Query = Record<string, string | number | undefined>;

/** A page's path with its query, every value encoded (ids and names may hold `&`, `#`, Chinese). */
export function urlOf(route: Route, query: Query = {}): string {
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined);
  if (!pairs.length) return ROUTES[route];
  return `${ROUTES[route]}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}`;
}

/** Opens a page above this one: back returns here. */
export function navigate(route: Route, query?: Query) {
  return Taro.navigateTo({ url: urlOf(route, query) });
}

export const HOME_OF: Record<Role, string> = {
  household: ROUTES.householdHome,
  helper: ROUTES.helperHome,
  admin: ROUTES.adminHome,
};

/** Replaces the current page (no back-stack growth): used by the launcher and the tab bar. */
export function go(url: string) {
  return Taro.redirectTo({ url }).catch(() => Taro.reLaunch({ url }));
}

/** Drops the whole page stack: used after signing in, binding or signing out. */
export function restart(url: string = ROUTES.launcher) {
  return Taro.reLaunch({ url });
}
