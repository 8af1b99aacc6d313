import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '我的求助',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
