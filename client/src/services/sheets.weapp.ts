import Taro from '@tarojs/taro';
import { ApiCallError } from './errors';
import { uuid } from './request-id';

/** An .xlsx from a WeChat chat (where county offices pass sheets around), into cloud storage. */
export async function pickAndUploadSheet(): Promise<{ fileId: string; name: string } | null> {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] }).catch(() => null);
  const file = picked?.tempFiles[0];
  if (!file) return null;
  const res = await Taro.cloud.uploadFile({ cloudPath: `registry/imports/${uuid()}.xlsx`, filePath: file.path });
  return { fileId: res.fileID, name: file.name };
}

/**
 * `url` is the 10-minute temporary URL the export answered after checking the caller (exports are
 * not readable from the client by file id). Its host, the environment's storage domain, must be on
 * the mini program's downloadFile domain list.
 */
export async function openSheet(url: string, _name: string): Promise<void> {
  const res = await Taro.downloadFile({ url });
  if (res.statusCode !== 200) throw new ApiCallError({ code: 'NOT_FOUND', message: '导出的文件下载失败，可能已过期，请重新导出' });
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
}
