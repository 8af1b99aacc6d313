import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '需求详情',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState'),
});
