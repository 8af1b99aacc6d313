import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '通知',
  usingComponents: vant('Button', 'Tag', 'Empty', 'Loading', 'ErrorState'),
});
