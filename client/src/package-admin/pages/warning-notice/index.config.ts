import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '公示名单',
  usingComponents: vant('Button', 'Loading', 'ErrorState', 'Empty', 'Cell'),
});
