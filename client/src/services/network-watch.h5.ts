export function watchNetwork(listener: () => void): void {
  window.addEventListener('online', () => listener());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') listener();
  });
}
