import Taro from '@tarojs/taro';
import { uuid } from './request-id';

/** An .xlsx from a WeChat chat (where county offices pass sheets around), into cloud storage. */
export async function pickAndUploadSheet(): Promise<{ fileId: string; name: string } | null> {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] }).catch(() => null);
  const file = picked?.tempFiles[0];
  if (!file) return null;
  const res = await Taro.cloud.uploadFile({ cloudPath: `registry/imports/${uuid()}.xlsx`, filePath: file.path });
  return { fileId: res.fileID, name: file.name };
}

export async function openSheet(fileId: string, _name: string): Promise<void> {
  const res = await Taro.cloud.downloadFile({ fileID: fileId });
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
}
