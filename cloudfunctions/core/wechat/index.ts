/**
 * The one place Bangfu makes WeChat cloud calls (DESIGN.md §3): sending a subscription message,
 * turning a group's CloudID into its opengid, and issuing a 小程序码 (wxacode.getUnlimited). In the cloud they go through `wx-server-sdk`;
 * in local mode (demo host, tests) messages are recorded, not sent, and group CloudIDs cannot be
 * read because there is no WeChat. Tests replace the whole gateway with `setWeChat`.
 */
import { isLocalMode } from '../runtime';
import { invalid } from '../errors';
import { setting } from '../settings';
import { cloudGateway } from './cloud';
import type { WeChatGateway } from './gateway';

export type { SubscribeMessage, WeChatGateway, WxaCodeImage, WxaCodeRequest } from './gateway';

/** Local mode's 小程序码 maker, given by core/local (so `qrcode` never enters a function bundle). */
let localCodes: WeChatGateway['wxaCode'] | null = null;

/** For core/local/mode.ts: how the local host answers wxacode.getUnlimited (records it and draws a plain QR). */
export function setLocalWxaCode(maker: WeChatGateway['wxaCode'] | null): void {
  localCodes = maker;
}

const localGateway: WeChatGateway = {
  async sendSubscribeMessage() {
    return { status: 'recorded', note: '本地演示：消息已记录，未真正发送' };
  },
  async decryptGroup() {
    throw invalid('本地演示环境没有微信群信息，请在微信中从群聊打开通知');
  },
  async wxaCode(request) {
    if (!localCodes) throw invalid('本地演示环境无法生成小程序码');
    return localCodes(request);
  },
};

let override: WeChatGateway | null = null;

/** Tests: fake WeChat at this edge; `null` restores the default. */
export function setWeChat(gateway: WeChatGateway | null): void {
  override = gateway;
}

export function wechat(): WeChatGateway {
  if (override) return override;
  return isLocalMode() ? localGateway : cloudGateway();
}

/** The template the notice subscription uses: set per environment (MissingSetting when not), a placeholder locally. */
export function noticeTemplateId(): string {
  return setting('NOTICE_TEMPLATE_ID');
}
