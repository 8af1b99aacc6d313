import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '月度通报',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
