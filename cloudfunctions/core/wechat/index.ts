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

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The mini-program page the message opens, with its query. */
  page: string;
  data: Record<string, { value: string }>;
}

export interface SendResult {
  status: 'recorded' | 'sent' | 'failed';
  note: string;
}

/**
 * wxacode.getUnlimited's request (developers.weixin.qq.com, 获取不限制的小程序码): `scene` at most
 * 32 visible characters, `page` without a leading `/` and without a query (the query goes in the
 * scene), `width` 280–1280 px. The scanned page receives the scene, URL-encoded, as `query.scene`.
 */
export interface WxaCodeRequest {
  scene: string;
  page: string;
  width?: number;
}

export interface WxaCodeImage {
  contentType: string;
  buffer: Buffer;
}

export interface WeChatGateway {
  sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult>;
  /** The group a card was opened from; throws `INVALID_INPUT` when the CloudID is invalid or expired. */
  decryptGroup(cloudId: string): Promise<{ opengid: string }>;
  /** A 小程序码 that opens `page` with `scene`; throws `INTERNAL` with WeChat's reason when refused. */
  wxaCode(request: WxaCodeRequest): Promise<WxaCodeImage>;
}

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
