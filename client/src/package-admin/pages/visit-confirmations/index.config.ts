import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '走访确认',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
