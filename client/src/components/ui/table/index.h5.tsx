import { useDesk } from '../desk.h5';
import { PhoneRows } from './phone';
import type { TableComponent } from './types';
import './index.h5.scss';

/** On a desk: a table with a header row, a click on a row opens it; on a phone: the page's rows. */
const Table: TableComponent = (props) => {
  const desk = useDesk();
  if (!desk) return <PhoneRows {...props} />;
  const { rows, rowKey, columns, onOpen, caption } = props;
  return (
    <div className='bf-table'>
      <table className='bf-table__table'>
        {caption && <caption className='bf-table__caption'>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} className={c.numeric ? 'bf-table__num' : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className={onOpen ? 'bf-table__row bf-table__row--link' : 'bf-table__row'} onClick={onOpen ? () => onOpen(r) : undefined}>
              {columns.map((c) => (
                <td key={c.title} className={c.numeric ? 'bf-table__num' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

export default Table;
