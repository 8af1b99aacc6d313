import type { ReactNode } from 'react';
import type { ExportFile } from '@bangfu/types';

/** What every sheet import's check answers: rows read, rows (or households) it can write, rows refused. */
export interface CheckedSheet {
  rows: number;
  valid: number;
  errors: { row: number; message: string }[];
}

export interface CheckedParts<R extends CheckedSheet> {
  /** The count line: rows in the sheet, what can be imported, how many problems. */
  summary: (file: string, result: R) => ReactNode;
  /** Anything else the check found, below the row problems (the 医保 import's unknown ID numbers). */
  details?: (result: R) => ReactNode;
  /** What to say when no row can be imported. */
  empty: string;
  /** What confirming will write (and what it will leave out). */
  note: (result: R) => string;
  /** The confirm button: 确认导入 3 户. */
  confirm: (result: R) => string;
}

/** What a confirm call answers besides: how many it wrote and where the next call continues (null: all written). */
export interface WrittenBatch {
  written: number;
  next: number | null;
}

/** A typed client's import action (api.households.importXlsx, api.monitoring.importMedical): `confirm: false` checks and writes nothing. */
export type ImportAction<R> = (input: { fileId: string; confirm: boolean; from?: number; batch?: number }) => Promise<R>;

export interface ImportWizardProps<R extends CheckedSheet & WrittenBatch> {
  title: string;
  /** Step ④'s name in the steps line: 完成, 查看新开的预警. */
  lastStep: string;
  /** What the sheet should hold, above the template and file buttons. */
  intro: string;
  /** The template download: the file's name on the admin's computer and the typed client's template action. */
  template: { file: string; run: () => Promise<ExportFile> };
  action: ImportAction<R>;
  /** Rows (or households) written per call, so each call stays well inside a function's time limit. */
  batch: number;
  /** What one written item is, for the message when writing stops halfway: 户, 笔. */
  unit: string;
  /** How far a write has come: the items written, or the rows passed (rows recorded before are skipped, not written). */
  progress: 'written' | 'passed';
  /** The writing line after the file's name: `：3 / 10 户`. */
  progressText: (done: number, total: number) => string;
  checked: CheckedParts<R>;
  /** Step ④'s card: what was written; `restart` opens the first step again. */
  done: (outcome: { written: number; result: R; batches: R[]; restart: () => void }) => ReactNode;
  /** Called once every batch is written (a toast, say). */
  onWritten?: (written: number) => void;
}
