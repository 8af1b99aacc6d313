import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '求助进度',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState'),
});
