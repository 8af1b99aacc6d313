import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '需求',
  usingComponents: vant('Tag', 'Loading', 'ErrorState', 'Empty'),
});
