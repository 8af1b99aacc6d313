import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '兑现记录',
  usingComponents: vant('Cell', 'Loading', 'ErrorState', 'Button', 'Empty'),
});
