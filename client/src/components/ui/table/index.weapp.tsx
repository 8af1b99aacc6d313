import { PhoneRows } from './phone';
import type { TableComponent } from './types';

/** The mini program is always a phone. */
const Table: TableComponent = (props) => <PhoneRows {...props} />;
export default Table;
