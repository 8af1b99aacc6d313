import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** County offices work in China time (UTC+8, no daylight saving): months and dates are read there. */
const CHINA_OFFSET_MINUTES = 8 * 60;

export const chinaTime = (at: Date | string) => dayjs(at).utcOffset(CHINA_OFFSET_MINUTES);

/** `YYYY-MM` of a moment in China time. */
export const monthOf = (at: Date | string): string => chinaTime(at).format('YYYY-MM');

/** `YYYY-MM-DD` of a moment in China time. */
export const dateOf = (at: Date | string): string => chinaTime(at).format('YYYY-MM-DD');

export const isoNow = (at: Date): string => at.toISOString();
