import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '安排帮扶人',
  usingComponents: vant('Cell', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
