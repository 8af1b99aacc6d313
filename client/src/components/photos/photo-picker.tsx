import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { photoUrl, pickPhotos } from '@/services/photos';
import './photo-picker.scss';

/**
 * A picked photo: `path` is what the write carries (a durable local file, later its uploaded id);
 * `preview` what the picker showed, empty for a photo put back from a refused write.
 */
export interface PickedPhoto {
  path: string;
  preview: string;
}

export const MAX_PHOTOS = 9;

/**
 * The one photo picker (现场照片, 求助照片, 佐证照片): taken or chosen, kept as local files until the
 * write is sent; × removes one. `block` names the BEM block, so each screen keeps its own sizes.
 */
export default function PhotoPicker({
  photos,
  onChange,
  addLabel = '＋ 照片',
  block = 'photos',
}: {
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  addLabel?: string;
  block?: string;
}) {
  const add = async () => {
    try {
      onChange([...photos, ...(await pickPhotos(MAX_PHOTOS - photos.length))].slice(0, MAX_PHOTOS));
    } catch (e) {
      if (!/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) void Taro.showToast({ title: '没有取到照片，请重试', icon: 'none' });
    }
  };
  return (
    <View className={block}>
      {photos.map((p, i) => (
        <View key={p.path} className={`${block}__item`}>
          <Image className={`${block}__img`} src={p.preview || photoUrl(p.path)} mode='aspectFill' />
          <View className={`${block}__remove`} onClick={() => onChange(photos.filter((_, j) => j !== i))}>
            ×
          </View>
        </View>
      ))}
      {photos.length < MAX_PHOTOS && (
        <View className={`${block}__add`} onClick={() => void add()}>
          {addLabel}
        </View>
      )}
    </View>
  );
}
