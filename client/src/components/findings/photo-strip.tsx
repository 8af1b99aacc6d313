import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { photoUrl } from '@/services/photos';

/** Thumbnails of stored photos (佐证照片); a tap opens them full screen. */
export default function FindingPhotos({ photos }: { photos?: string[] }) {
  if (!photos?.length) return null;
  const urls = photos.map(photoUrl);
  return (
    <View className='finding-photos'>
      {urls.map((url) => (
        <Image key={url} className='finding-photos__img' src={url} mode='aspectFill' onClick={() => void Taro.previewImage({ current: url, urls })} />
      ))}
    </View>
  );
}
