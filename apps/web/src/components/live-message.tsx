import type { ReactNode } from 'react';

interface LiveMessageProps {
  /** The message, or nothing. */
  children?: ReactNode;
  tone?: 'success' | 'info' | 'error';
  className?: string;
}

/**
 * A polite live region that is always in the page, so screen readers announce each new message
 * put in it (a region added together with its text is often missed). Empty, it takes no room.
 */
export function LiveMessage({ children, tone = 'success', className }: LiveMessageProps) {
  const shown = children !== undefined && children !== null && children !== false && children !== '';
  return (
    <div role="status" className={className}>
      {shown && (
        <div className={`notice notice--${tone}`}>
          <div className="notice__text">{children}</div>
        </div>
      )}
    </div>
  );
}
