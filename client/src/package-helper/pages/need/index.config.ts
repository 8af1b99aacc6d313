import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '需求办理',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState'),
});
