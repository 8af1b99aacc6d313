import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '户信息',
  usingComponents: vant('Button', 'Cell', 'Loading', 'ErrorState'),
});
