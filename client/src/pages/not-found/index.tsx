import { View } from '@tarojs/components';
import { Button, Page } from '@/components/ui';
import { restart } from '@/services/routes';
import './index.scss';

/**
 * 页面不存在: where app.ts sends an unknown path (an old link, a mistyped address, a page removed
 * in an update). The way home is the launcher, which sends each role to its own home.
 */
export default function NotFound() {
  return (
    <Page>
      <View className='not-found'>
        <View className='not-found__title'>页面不存在</View>
        <View className='not-found__text'>这个链接可能已失效或输入有误。</View>
        <View className='not-found__home'>
          <Button type='primary' size='large' round block onClick={() => void restart()}>
            返回首页
          </Button>
        </View>
      </View>
    </Page>
  );
}
