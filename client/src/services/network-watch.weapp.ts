import Taro from '@tarojs/taro';

export function watchNetwork(listener: () => void): void {
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) listener();
  });
  Taro.onAppShow(() => listener());
}
