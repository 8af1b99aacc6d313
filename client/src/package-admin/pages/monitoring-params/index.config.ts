import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '监测参数',
  usingComponents: vant('Button', 'Loading', 'ErrorState', 'Empty'),
});
