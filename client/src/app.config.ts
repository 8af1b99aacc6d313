export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [{ root: 'package-admin', pages: ['pages/home/index'] }],
  window: { navigationBarTitleText: '帮扶通' },
});
