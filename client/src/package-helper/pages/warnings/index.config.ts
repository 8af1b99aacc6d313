import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '监测预警',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
