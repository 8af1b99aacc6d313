import type { CellComponent, CellGroupComponent } from './types';

const Cell: CellComponent = ({ title, value, label, isLink, center, size, required, onClick, children }) => (
  <van-cell
    title={title}
    value={children === undefined ? value : undefined}
    label={label}
    is-link={isLink}
    center={center}
    size={size === 'large' ? 'large' : undefined}
    required={required}
    clickable={!!onClick}
    onClick={() => onClick?.()}
  >
    {children}
  </van-cell>
);

export const CellGroup: CellGroupComponent = ({ title, inset, children }) => (
  <van-cell-group title={title} inset={inset}>
    {children}
  </van-cell-group>
);

export default Cell;
