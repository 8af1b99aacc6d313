import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '写通知',
  usingComponents: vant('Button', 'Loading', 'ErrorState'),
});
