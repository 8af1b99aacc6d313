import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '记录走访',
  usingComponents: vant('Button'),
});
