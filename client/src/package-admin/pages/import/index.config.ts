import { vant } from '@/components/ui/vant';

export default definePageConfig({
  navigationBarTitleText: '导入户籍',
  usingComponents: vant('Button', 'Empty'),
});
