/** What a WeChat gateway does (index.ts picks one; cloud.ts is the real one): its own file so cloud.ts does not import index.ts back. */
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
