import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '户籍台账',
  usingComponents: vant('Button', 'Cell', 'Tag', 'Loading', 'ErrorState', 'Empty'),
});
