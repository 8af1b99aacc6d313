/** A plain link does not open a mini-program: the 小程序码 needs WeChat's wxacode API (not issued yet). */
export function doorLink(_path: string): string | null {
  return null;
}

export const printPage: (() => void) | null = null;
