import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '回头看',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
