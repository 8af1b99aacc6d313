import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '应享未享排查',
  usingComponents: vant('Tag', 'Loading', 'ErrorState', 'Button', 'Empty'),
});
