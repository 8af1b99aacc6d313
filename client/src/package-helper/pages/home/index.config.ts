import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '我的帮扶户',
  usingComponents: vant('Button', 'Tag', 'Empty', 'Loading', 'ErrorState'),
});
