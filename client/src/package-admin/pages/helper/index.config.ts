import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '结对户',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
