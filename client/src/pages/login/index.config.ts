import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '登录',
  usingComponents: vant('Cell', 'Tag', 'Button', 'Loading', 'ErrorState'),
});
