import type { ReactNode } from 'react';
import './Table.css';

/**
 * Lets a wide table scroll sideways on a phone instead of widening the page. It can take focus so
 * that keyboard users can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
