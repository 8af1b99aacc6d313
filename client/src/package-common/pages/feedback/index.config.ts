import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '意见建议',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
