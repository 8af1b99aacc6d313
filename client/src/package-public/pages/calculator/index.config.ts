import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '政策计算器',
  usingComponents: vant('Button', 'Cell', 'Tag'),
});
