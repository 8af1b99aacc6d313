import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '结对管理',
  usingComponents: vant('Cell', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
