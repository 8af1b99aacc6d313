import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { clock } from '../clock';
import { insertOutbox } from '../notices/notice.repository';
import type { WxaCodeImage, WxaCodeRequest } from '../wechat';

/** The address the local demo is reached at: a phone on the same network scans the plain QR to it. */
export function localOrigin(): string {
  return process.env.BANGFU_PUBLIC_URL?.replace(/\/$/, '') || `http://localhost:${process.env.PORT ?? 8080}`;
}

/** What the local QR encodes: the same page and scene a 小程序码 would open, as the H5 build's address. */
export function localCodeText(request: WxaCodeRequest): string {
  return `${localOrigin()}/${request.page}?scene=${encodeURIComponent(request.scene)}`;
}

/** The plain QR as SVG: crisp when printed at any size, and drawn in milliseconds (a PNG takes half a second). */
export function localCodeSvg(request: WxaCodeRequest): Promise<string> {
  return QRCode.toString(localCodeText(request), { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: request.width ?? 430 });
}

/**
 * wxacode.getUnlimited in local mode: there is no WeChat, so the call is recorded in the outbox
 * (kind `wxacode.getUnlimited`, beside the subscription messages) and answered with a plain QR
 * code of the H5 page, which opens the same card after signing in.
 */
export async function localWxaCode(request: WxaCodeRequest): Promise<WxaCodeImage> {
  await insertOutbox({
    _id: randomUUID(),
    kind: 'wxacode.getUnlimited',
    page: request.page,
    scene: request.scene,
    width: request.width ?? 430,
    status: 'recorded',
    note: '本地演示：未调用微信，生成了同一页面和 scene 的普通二维码',
    createdAt: clock.now().toISOString(),
  });
  return { contentType: 'image/svg+xml', buffer: Buffer.from(await localCodeSvg(request)) };
}
