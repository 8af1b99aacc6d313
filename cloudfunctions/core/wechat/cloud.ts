import { DomainError, invalid } from '../errors';
import type { SubscribeMessage, WeChatGateway, WxaCodeRequest } from './gateway';

/** The slice of wx-server-sdk 4.x Bangfu uses (it ships no types we want to depend on). */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(options: { env: symbol }): void;
  openapi: {
    subscribeMessage: { send(args: SubscribeMessage & { miniprogramState?: string }): Promise<{ errCode?: number; errMsg?: string }> };
    // Cloud calls take the HTTPS parameters in camelCase (checkPath, envVersion).
    wxacode: {
      getUnlimited(
        args: WxaCodeRequest & { checkPath?: boolean; envVersion?: string },
      ): Promise<{ contentType?: string; buffer?: Buffer; errCode?: number; errMsg?: string }>;
    };
  };
  getOpenData(args: { list: string[] }): Promise<{ list: Array<{ cloudID: string; data?: { openGId?: string }; errCode?: number; errMsg?: string }> }>;
}

let sdk: WxServerSdk | null = null;

/**
 * Loaded on first use only, so the local host and the tests never load it; the functions build
 * keeps it external and lists it as the notices function's dependency.
 */
function load(): WxServerSdk {
  if (!sdk) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use only (see above), which a static import cannot do
    sdk = require('wx-server-sdk') as WxServerSdk;
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  }
  return sdk;
}

export function cloudGateway(): WeChatGateway {
  return {
    async sendSubscribeMessage(message) {
      try {
        const res = await load().openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal' });
        return res.errCode ? { status: 'failed', note: `微信返回错误 ${res.errCode}` } : { status: 'sent', note: '' };
      } catch (error) {
        // 43101: the person has used up their acceptance (one acceptance allows one send).
        const code = (error as { errCode?: number }).errCode;
        return { status: 'failed', note: code === 43101 ? '对方未订阅或订阅次数已用完' : `发送失败${code ? `（${code}）` : ''}` };
      }
    },
    // getOpenData decrypts on the server, so a client cannot forge the group by sending a plain object.
    async decryptGroup(cloudId) {
      const { list } = await load().getOpenData({ list: [cloudId] });
      const openGId = list[0]?.data?.openGId;
      if (!openGId) throw invalid('无法识别来源群，群信息可能已过期（5 分钟），请重新从群聊打开');
      return { opengid: openGId };
    },
    // 41030: the page is not in the published version (check_path defaults to true, which is what we want).
    async wxaCode(request) {
      const res = await load()
        .openapi.wxacode.getUnlimited({ ...request, width: request.width ?? 430 })
        .catch((error: { errCode?: number }) => ({ errCode: error.errCode ?? -1, buffer: undefined, contentType: undefined }));
      if (res.errCode || !res.buffer) {
        const why = res.errCode === 41030 ? '小程序正式版中还没有明白卡页面' : `微信返回错误 ${res.errCode ?? '（无图片）'}`;
        throw new DomainError('INTERNAL', `门牌码暂时生成不了：${why}，请稍后再试`);
      }
      return { contentType: res.contentType || 'image/jpeg', buffer: res.buffer };
    },
  };
}
