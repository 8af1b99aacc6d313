import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '户档案',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
