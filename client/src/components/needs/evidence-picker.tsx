import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { pickPhotos } from '@/services/photos';

export type PickedPhoto = { path: string; preview: string };

/** 佐证照片 for a resolution: picked here, uploaded when the step is sent; tap a thumbnail to remove it. */
export default function EvidencePicker({ photos, onChange }: { photos: PickedPhoto[]; onChange: (p: PickedPhoto[]) => void }) {
  const add = async () => {
    try {
      onChange([...photos, ...(await pickPhotos(9 - photos.length))].slice(0, 9));
    } catch (e) {
      if (!/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) void Taro.showToast({ title: '没有取到照片，请重试', icon: 'none' });
    }
  };
  return (
    <View className='need-evidence'>
      <View className='need-photos'>
        {photos.map((p) => <Image key={p.path} className='need-photos__img' src={p.preview} mode='aspectFill' onClick={() => onChange(photos.filter((x) => x !== p))} />)}
        {photos.length < 9 && <View className='need-photos__add' onClick={() => void add()}>＋ 佐证照片</View>}
      </View>
    </View>
  );
}
