import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '消息发送记录',
  usingComponents: vant('Tag', 'Empty', 'Loading', 'ErrorState'),
});
