import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { photoUrl } from '@/services/photos';

/** Thumbnails of stored photos; a tap opens them full screen. */
export default function PhotoStrip({ photos }: { photos: string[] }) {
  if (!photos.length) return null;
  const urls = photos.map(photoUrl);
  return (
    <View className='need-photos'>
      {urls.map((url) => (
        <Image key={url} className='need-photos__img' src={url} mode='aspectFill' onClick={() => void Taro.previewImage({ current: url, urls })} />
      ))}
    </View>
  );
}
