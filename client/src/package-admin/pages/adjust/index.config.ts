import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '动态调整',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState'),
});
