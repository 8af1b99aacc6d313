/**
 * Main package: the launcher, sign-in (H5 demo), binding and 我的, shared by every role.
 * Each role's pages live in its own subpackage so the main package stays small (WeChat: ≤ 2 MB each).
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/bind/index', 'pages/me/index', 'pages/not-found/index'],
  subPackages: [
    {
      root: 'package-household',
      pages: ['pages/home/index', 'pages/benefits/index', 'pages/needs/index', 'pages/need-report/index', 'pages/need/index', 'pages/self-check/index'],
    },
    { root: 'package-helper', pages: ['pages/home/index', 'pages/record/index', 'pages/needs/index', 'pages/need/index', 'pages/warnings/index'] },
    {
      root: 'package-admin',
      pages: [
        'pages/home/index',
        'pages/households/index',
        'pages/household-edit/index',
        'pages/adjust/index',
        'pages/import/index',
        'pages/pairing/index',
        'pages/helper/index',
        'pages/assign/index',
        'pages/policies/index',
        'pages/benefit-records/index',
        'pages/gaps/index',
        'pages/needs/index',
        'pages/need/index',
        'pages/notice-compose/index',
        'pages/notice-stats/index',
        'pages/notice-outbox/index',
        'pages/coverage/index',
        'pages/findings/index',
        'pages/finding-new/index',
        'pages/integrity/index',
        'pages/visit-confirmations/index',
        'pages/feedback/index',
        'pages/warnings/index',
        'pages/warning-notice/index',
        'pages/monitoring-params/index',
        'pages/medical-import/index',
      ],
    },
    { root: 'package-notices', pages: ['pages/list/index', 'pages/detail/index'] },
    {
      root: 'package-common',
      pages: [
        'pages/household/index',
        'pages/finding/index',
        'pages/review/index',
        'pages/card/index',
        'pages/feedback/index',
        'pages/bulletin/index',
        'pages/warning/index',
        'pages/web-login/index',
      ],
    },
    { root: 'package-public', pages: ['pages/calculator/index'] },
  ],
  // A subpackage downloads on its first open, so a helper who opens 记录走访 for the first time
  // without signal got nothing: fetch the helper's package (and the household detail it opens)
  // while the launcher shows, on any network. WeChat caps one page's preloads at 2 MB in all.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['package-helper'] },
    'package-helper/pages/home/index': { network: 'all', packages: ['package-common'] },
  },
  window: {
    navigationBarTitleText: '帮扶通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f8fa',
    backgroundTextStyle: 'dark',
  },
  style: 'v2',
  // Visits may record where they happened (optional); WeChat requires declaring it and asking with a reason.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '记录走访地点，便于核实入户走访' } },
});
