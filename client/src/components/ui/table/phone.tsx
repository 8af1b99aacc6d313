import { Fragment } from 'react';
import type { TableProps } from './types';

/** The phone's list: the page's own rows, in its group. */
export function PhoneRows<T>({ rows, rowKey, phoneRow, phoneGroup }: TableProps<T>) {
  const body = (
    <>
      {rows.map((r) => (
        <Fragment key={rowKey(r)}>{phoneRow(r)}</Fragment>
      ))}
    </>
  );
  return phoneGroup ? phoneGroup(body) : body;
}
