import { isNetworkError, messageOf } from '@/services/errors';
import Empty from '../empty';

export interface ErrorStateProps {
  /** A thrown value (its Chinese message is shown) or a message. */
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: what went wrong in plain Chinese, and 重试. */
export default function ErrorState({ error, onRetry }: ErrorStateProps) {
  const message = typeof error === 'string' ? error : messageOf(error);
  return <Empty image={isNetworkError(error) ? 'network' : 'error'} description={message} actionText={onRetry ? '重试' : undefined} onAction={onRetry} />;
}
