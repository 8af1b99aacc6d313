import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** 适老化 (elder-friendly) large text, stored per device and applied by every page's root class. */
const ELDER_KEY = 'bf.elderMode';
const listeners = new Set<(on: boolean) => void>();
let elder: boolean | null = null;

export function isElderMode(): boolean {
  if (elder === null) {
    try {
      elder = Taro.getStorageSync(ELDER_KEY) === true;
    } catch {
      elder = false;
    }
  }
  return elder;
}

export function setElderMode(on: boolean) {
  elder = on;
  Taro.setStorageSync(ELDER_KEY, on);
  listeners.forEach((l) => l(on));
}

export function useElderMode(): boolean {
  const [on, setOn] = useState(isElderMode);
  useEffect(() => {
    listeners.add(setOn);
    setOn(isElderMode());
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return on;
}
