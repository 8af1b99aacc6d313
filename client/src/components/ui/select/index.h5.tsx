import { PickerDate, PickerSelect } from './picker';
import type { DateSelectComponent, SelectComponent } from './types';
import { useDesk } from '../desk.h5';
import './index.h5.scss';

/** On a desk: the browser's select list (keyboard, type-to-find, no wheel); on a phone: the picker. */
const Select: SelectComponent = (props) => {
  const desk = useDesk();
  if (!desk) return <PickerSelect {...props} />;
  const { options, value, onChange, placeholder = '请选择', prefix, name } = props;
  return (
    <label className='bf-select'>
      {prefix && <span className='bf-select__label'>{prefix.replace(/[：:]\s*$/, '')}</span>}
      <select className='bf-select__native' name={name} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {value < 0 && (
          <option value={-1} disabled>
            {placeholder}
          </option>
        )}
        {options.map((o, i) => (
          <option key={`${i}-${o}`} value={i}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
};

/** On a desk: the browser's date field; on a phone: the date picker. */
export const DateSelect: DateSelectComponent = (props) => {
  const desk = useDesk();
  if (!desk) return <PickerDate {...props} />;
  const { value, onChange, start, end, name, display } = props;
  // The browser writes the day its own way (2026/12/02): the day as Bangfu writes it stays beside it.
  return (
    <label className='bf-select'>
      <input
        className='bf-select__native'
        type='date'
        name={name}
        value={value}
        min={start}
        max={end}
        onChange={(e) => {
          if (e.target.value) onChange(e.target.value);
        }}
      />
      <span className='bf-select__display'>{display}</span>
    </label>
  );
};

export default Select;
