import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { pickPhotos } from '@/services/photos';

const MAX = 9;

/** 照片（可不传）: kept as local files until the report is sent, then uploaded once. */
export default function PhotoRow({ photos, onChange }: { photos: Array<{ path: string; preview: string }>; onChange: (p: Array<{ path: string; preview: string }>) => void }) {
  const add = async () => {
    try {
      onChange([...photos, ...(await pickPhotos(MAX - photos.length))].slice(0, MAX));
    } catch (e) {
      if (!/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) void Taro.showToast({ title: '没有取到照片，请重试', icon: 'none' });
    }
  };
  return (
    <View className='report-photos'>
      {photos.map((p, i) => (
        <View key={p.path} className='report-photos__item'>
          <Image className='report-photos__img' src={p.preview} mode='aspectFill' />
          <View className='report-photos__remove' onClick={() => onChange(photos.filter((_, j) => j !== i))}>×</View>
        </View>
      ))}
      {photos.length < MAX && <View className='report-photos__add' onClick={() => void add()}>＋ 拍照</View>}
    </View>
  );
}
