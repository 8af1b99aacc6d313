import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '我的',
  usingComponents: vant('Cell', 'Tag', 'Button', 'Loading', 'ErrorState'),
});
