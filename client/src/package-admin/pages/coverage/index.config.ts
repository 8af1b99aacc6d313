import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '走访覆盖',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
