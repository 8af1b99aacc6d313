import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { photoUrl } from '@/services/photos';

/** Thumbnails of stored photos; a tap opens them full screen. `block` names the BEM block for the host's sizes. */
export default function PhotoStrip({ photos, block = 'need-photos' }: { photos: string[]; block?: string }) {
  if (!photos.length) return null;
  const urls = photos.map(photoUrl);
  return (
    <View className={block}>
      {urls.map((url) => (
        <Image key={url} className={`${block}__img`} src={url} mode='aspectFill' onClick={() => void Taro.previewImage({ current: url, urls })} />
      ))}
    </View>
  );
}
