import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '阅读情况',
  usingComponents: vant('Button', 'Tag', 'Empty', 'Loading', 'ErrorState'),
});
