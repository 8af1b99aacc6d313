import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '数据核查',
  usingComponents: vant('Button', 'Loading', 'ErrorState', 'Empty'),
});
