/**
 * Main package: the launcher, sign-in (H5 demo), binding and 我的, shared by every role.
 * Each role's pages live in its own subpackage so the main package stays small (WeChat: ≤ 2 MB each).
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/bind/index', 'pages/me/index'],
  subPackages: [
    { root: 'package-household', pages: ['pages/home/index'] },
    { root: 'package-helper', pages: ['pages/home/index'] },
    { root: 'package-admin', pages: ['pages/home/index'] },
  ],
  window: {
    navigationBarTitleText: '帮扶通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f8fa',
    backgroundTextStyle: 'dark',
  },
  style: 'v2',
});
