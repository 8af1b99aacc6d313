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

export interface WeChatGateway {
  sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult>;
  /** The group a card was opened from; throws `INVALID_INPUT` when the CloudID is invalid or expired. */
  decryptGroup(cloudId: string): Promise<{ opengid: string }>;
}
