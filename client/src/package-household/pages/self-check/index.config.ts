import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '风险自查',
  usingComponents: vant('Button', 'Tag', 'Loaded'),
});
