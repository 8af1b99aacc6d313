import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '页面不存在',
  usingComponents: vant('Button'),
});
