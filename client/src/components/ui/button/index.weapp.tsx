import type { ButtonComponent } from './types';

const Button: ButtonComponent = ({ type = 'default', size = 'normal', block, plain, round, loading, loadingText, disabled, onClick, children }) => (
  <van-button
    type={type}
    size={size}
    block={block}
    plain={plain}
    round={round}
    loading={loading}
    loading-text={loadingText}
    disabled={disabled}
    onClick={() => onClick?.()}
  >
    {children}
  </van-button>
);

export default Button;
