import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '政策目录',
  usingComponents: vant('Tag', 'Loading', 'ErrorState', 'Button', 'Empty'),
});
