import type { ReactElement } from 'react';
import type { NoticeItem } from '@bangfu/types/api/notices';

/**
 * Sharing a notice, per platform: weapp "分享到群" (a card with a share ticket, so opens are
 * counted per group); H5 a link, its QR code and a plain-text copy for pasting into a group.
 */
declare function SharePanel(props: { notice: NoticeItem }): ReactElement | null;
export default SharePanel;
