import Taro from '@tarojs/taro';
import { uuid } from './request-id';

/** chooseMedia answers temp files WeChat may delete; saveFile moves them into the user data folder. */
function persist(tempPath: string): Promise<string> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().saveFile({
      tempFilePath: tempPath,
      success: (res) => resolve(res.savedFilePath),
      fail: () => resolve(tempPath),
    });
  });
}

export async function pickPhotos(max: number) {
  const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
  return Promise.all(
    res.tempFiles.map(async (f) => {
      const path = await persist(f.tempFilePath);
      return { path, preview: path };
    }),
  );
}

export const isLocalPhoto = (path: string) => !path.startsWith('cloud://');

export async function uploadPhoto(path: string): Promise<string> {
  const ext = /\.(\w+)$/.exec(path)?.[1] ?? 'jpg';
  const res = await Taro.cloud.uploadFile({ cloudPath: `visits/${uuid()}.${ext}`, filePath: path });
  Taro.getFileSystemManager().removeSavedFile({ filePath: path, fail: () => undefined });
  return res.fileID;
}

export const photoUrl = (path: string) => path;
