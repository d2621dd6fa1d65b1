import type { ReactNode, Ref } from 'react';
import './Alert.css';

export type AlertTone = 'info' | 'error' | 'success';

type AlertProps = {
  tone: AlertTone;
  title?: string;
  children?: ReactNode;
  /** Lets a form move focus to its error summary after a failed submit. */
  ref?: Ref<HTMLDivElement>;
  focusable?: boolean;
};

export function Alert({ tone, title, children, ref, focusable = false }: AlertProps) {
  return (
    <div ref={ref} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} tabIndex={focusable ? -1 : undefined}>
      {title && <h2 className="alert__title">{title}</h2>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}
