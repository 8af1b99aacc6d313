import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '绑定家庭',
  usingComponents: vant('Cell', 'Button'),
});
