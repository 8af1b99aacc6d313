import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '工作台',
  usingComponents: vant('Empty', 'Loading', 'ErrorState', 'Button'),
});
