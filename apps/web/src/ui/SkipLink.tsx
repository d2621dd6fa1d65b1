import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './SkipLink.css';

type SkipLinkProps = { targetId: string };

export function SkipLink({ targetId }: SkipLinkProps) {
  const { t } = useTranslation();

  // Focus the target ourselves so the router never sees a hash navigation.
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  }

  return (
    <a className="skip-link" href={`#${targetId}`} onClick={handleClick}>
      {t('layout.skipToContent')}
    </a>
  );
}
