/**
 * The desktop's CloudBase session (H5; the mini-program has WeChat's own and answers "none"):
 * `@cloudbase/js-sdk` signed in with a custom-login ticket from `auth.webLoginClaim`, or
 * anonymously while the sign-in page waits for the scan. Every function call of the H5 build
 * outside the local demo goes through `callFunction` here (transport.h5.ts).
 */
import type { ApiResult } from '@bangfu/types';

/** True once this browser signed in with a ticket and has not signed out since. */
export declare function hasWebSession(): boolean;
/** One function call through the js-sdk; never throws (network failures answer as transport.d.ts says). */
export declare function callFunction(fn: string, data: Record<string, unknown>): Promise<ApiResult<unknown>>;
/**
 * Uploads a file straight to cloud storage under `cloudPath` through the js-sdk (as the mini
 * program's Taro.cloud.uploadFile does) and answers its `cloud://` file id; throws ApiCallError.
 */
export declare function uploadFile(cloudPath: string, file: Blob): Promise<string>;
/** Signs this browser in with the ticket the confirmed request answered; throws ApiCallError when CloudBase refuses it. */
export declare function signInWithTicket(ticket: string): Promise<void>;
/** Drops this browser's CloudBase session (and the marker) whatever the network says. */
export declare function endWebSession(): Promise<void>;
