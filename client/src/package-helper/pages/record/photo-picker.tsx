import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { pickPhotos } from '@/services/photos';

export interface PickedPhoto { path: string; preview: string }

const MAX = 9;

/** 现场照片: taken or chosen, kept as local files until the visit is sent. */
export default function PhotoPicker({ photos, onChange }: { photos: PickedPhoto[]; onChange: (p: PickedPhoto[]) => void }) {
  const add = async () => {
    try {
      const picked = await pickPhotos(MAX - photos.length);
      onChange([...photos, ...picked].slice(0, MAX));
    } catch (e) {
      const msg = (e as { errMsg?: string })?.errMsg ?? '';
      if (!/cancel/.test(msg)) void Taro.showToast({ title: '没有取到照片，请重试', icon: 'none' });
    }
  };
  return (
    <View className='photos'>
      {photos.map((p, i) => (
        <View key={p.path} className='photos__item'>
          <Image className='photos__img' src={p.preview} mode='aspectFill' />
          <View className='photos__remove' onClick={() => onChange(photos.filter((_, j) => j !== i))}>×</View>
        </View>
      ))}
      {photos.length < MAX && <View className='photos__add' onClick={() => void add()}>＋ 照片</View>}
    </View>
  );
}
