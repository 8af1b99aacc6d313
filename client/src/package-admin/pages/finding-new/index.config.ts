import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '登记督查问题',
  usingComponents: vant('Button', 'ErrorState'),
});
