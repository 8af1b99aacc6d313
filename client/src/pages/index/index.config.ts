import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '帮扶通',
  usingComponents: vant('Loading', 'ErrorState'),
});
