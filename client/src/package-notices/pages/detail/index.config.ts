import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '通知详情',
  // weapp: the card shared into a group comes from this page's onShareAppMessage.
  enableShareAppMessage: true,
  usingComponents: vant('Button', 'Tag', 'Loading', 'ErrorState'),
});
