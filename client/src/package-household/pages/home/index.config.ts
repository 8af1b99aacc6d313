import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '首页',
  usingComponents: vant('Tag', 'Button', 'Loading', 'ErrorState', 'Cell'),
});
