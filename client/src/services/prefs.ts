import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { systemFontScale } from './font-scale';

/**
 * 适老化 (elder-friendly) large text, applied by every page's root class. It follows the system
 * font size (WeChat's 字体大小, SPEC §2) until the person flips the switch; their choice is stored
 * per device and then wins.
 */
const ELDER_KEY = 'bf.elderMode';
const listeners = new Set<(on: boolean) => void>();
let elder: boolean | null = null;

/** A larger-than-standard system font turns large text on (WeChat's sizes step by at least 10 %). */
export const FOLLOW_SCALE_FROM = 1.05;
/** Text grows with the system font up to this factor; beyond it lines of two words no longer fit 375 px. */
const MAX_SCALE = 1.5;

/** The stored choice, or null when the person never flipped the switch. */
function storedChoice(): boolean | null {
  try {
    const v: unknown = Taro.getStorageSync(ELDER_KEY);
    return v === true || v === false ? v : null;
  } catch {
    return null;
  }
}

export function isElderMode(): boolean {
  if (elder === null) elder = storedChoice() ?? systemFontScale() >= FOLLOW_SCALE_FROM;
  return elder;
}

/** Whether large text is on because of the system font (no choice stored). */
export const followsSystemFont = (): boolean => storedChoice() === null && systemFontScale() >= FOLLOW_SCALE_FROM;

/** How much the large-text sizes grow: the system factor, between 1 and MAX_SCALE. */
export const elderScale = (): number => Math.min(MAX_SCALE, Math.max(1, systemFontScale()));

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
