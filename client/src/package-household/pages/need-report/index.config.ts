import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '我要求助',
  usingComponents: vant('Button', 'Cell'),
});
