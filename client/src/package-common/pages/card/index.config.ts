import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '帮扶明白卡',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
