import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '选择演示账号',
  usingComponents: vant('Cell', 'Tag', 'Button', 'Loading', 'ErrorState'),
});
