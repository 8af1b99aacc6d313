import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '督查整改',
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
