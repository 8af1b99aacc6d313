/**
 * Platform parts of reading a notice, per platform (`notice-open.weapp.ts` / `notice-open.h5.ts`):
 * weapp counts a card opened from a WeChat group (scene 1044 + share ticket → getGroupEnterInfo →
 * CloudID resolved by the server) and asks for the subscription; H5 counts `?from=link` opens.
 */
import type { NoticeItem } from '@bangfu/types/api/notices';

/** Marks the notice read, counting where the open came from. */
export declare function recordOpen(noticeId: string, query: Record<string, string | undefined>): Promise<NoticeItem>;

/** Loads what the subscription prompt needs, so the tap handler can ask at once (WeChat requires a tap). */
export declare function prepareSubscription(): void;

/** Call first thing in a tap handler: asks once per session to be notified of new notices, when not subscribed. */
export declare function askSubscription(): Promise<void>;
