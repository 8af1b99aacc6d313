import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '我的政策',
  usingComponents: vant('Tag', 'Loading', 'ErrorState', 'Button'),
});
