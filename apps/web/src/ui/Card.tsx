import type { ReactNode } from 'react';
import './Card.css';

type CardProps = {
  title?: string;
  /** Heading level inside the page outline; cards usually sit under the page's h1. */
  headingLevel?: 2 | 3;
  badge?: string;
  /** Names the card by its heading, making it a region screen-reader users can move between; needs a title. */
  headingId?: string;
  children: ReactNode;
  className?: string;
};

export function Card({ title, headingLevel = 2, badge, headingId, children, className }: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className].filter(Boolean).join(' ')} aria-labelledby={title ? headingId : undefined}>
      {(title || badge) && (
        <div className="card__header">
          {title && (
            <Heading id={headingId} className="card__title">
              {title}
            </Heading>
          )}
          {badge && <span className="card__badge">{badge}</span>}
        </div>
      )}
      <div className="card__body">{children}</div>
    </section>
  );
}
