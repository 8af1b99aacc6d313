/**
 * Platform seam for "the network may be back": `network-watch.weapp.ts` (Taro.onNetworkStatusChange,
 * Taro.onAppShow) and `network-watch.h5.ts` (window `online`, page becoming visible).
 * Calls `listener` whenever it is worth trying to send queued writes again.
 */
export declare function watchNetwork(listener: () => void): void;
