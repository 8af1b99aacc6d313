import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '电脑端登录确认',
  usingComponents: vant('Cell', 'Button', 'Loading', 'ErrorState', 'Empty'),
});
