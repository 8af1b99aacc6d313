import { cellOf, type SheetColumn } from '../../cloudfunctions/core/sheet-export';

type Row = { amount: number | null; id: string };
const amount: SheetColumn<Row> = { header: '金额', kind: 'number', value: (r) => r.amount };
const id: SheetColumn<Row> = { header: '身份证号', value: (r) => r.id };

describe('export cells', () => {
  it.each([
    ['an amount is written as a number', amount, { amount: 6708, id: '' }, 6708],
    ['an amount of 0 stays the number 0', amount, { amount: 0, id: '' }, 0],
    ['a missing amount is a blank cell, not the text "null"', amount, { amount: null, id: '' }, null],
    ['an amount that is not a finite number is blank', amount, { amount: Number.NaN, id: '' }, null],
    ['an ID number is written as text, its X kept', id, { amount: null, id: '11010519491231002X' }, '11010519491231002X'],
  ] as const)('%s', (_name, column, row, cell) => {
    expect(cellOf(column as SheetColumn<Row>, row)).toBe(cell);
  });
});
