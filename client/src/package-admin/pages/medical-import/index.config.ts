import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '导入医保大额自付',
  usingComponents: vant('Button', 'Empty'),
});
