import { PickerDate, PickerSelect } from './picker';
import type { DateSelectComponent, SelectComponent } from './types';

/** The mini program is always a phone: the platform's picker. */
const Select: SelectComponent = (props) => <PickerSelect {...props} />;
export const DateSelect: DateSelectComponent = (props) => <PickerDate {...props} />;
export default Select;
