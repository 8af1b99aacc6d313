import type { ReactElement } from 'react';

/**
 * One choice among a list (村, 致贫原因, 接收人, 在校情况) or one day. On a desk (H5 at ≥ 1024 px
 * wide) it is the browser's own select list or date field; on a phone and in the mini program it
 * is the platform's picker (wheel). Pages use this and never pick the control themselves.
 */
export interface SelectProps {
  /** What each choice reads. */
  options: readonly string[];
  /** The index of the choice shown; -1 when none is chosen yet (shows `placeholder`). */
  value: number;
  onChange: (index: number) => void;
  placeholder?: string;
  /** Read before the choice on the phone's trigger, e.g. `接收人：`. */
  prefix?: string;
  /** Names the native control (forms and tests find it by this). */
  name?: string;
  /** Class of the phone's trigger (the page's chip or cell look). */
  className?: string;
}
export type SelectComponent = (props: SelectProps) => ReactElement;

export interface DateSelectProps {
  /** `YYYY-MM-DD`. */
  value: string;
  onChange: (day: string) => void;
  start?: string;
  end?: string;
  /** How the phone's trigger reads the day (e.g. `2026年11月23日`). */
  display: string;
  name?: string;
  className?: string;
}
export type DateSelectComponent = (props: DateSelectProps) => ReactElement;

/** The width from which the H5 build is a desk, not a phone (the admin's 1280 px screen). */
export const DESK_MIN_WIDTH = 1024;
