import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '需求督办',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty', 'Cell'),
});
