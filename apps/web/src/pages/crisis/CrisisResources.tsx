import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './CrisisResources.css';

type CrisisResourcesProps = {
  /**
   * True when the panel appears because of an answer just given: it is then an alert, announced at
   * once and scrolled into view. Otherwise it is a plain, labelled region that stays on the page.
   */
  urgent?: boolean;
  /** Whether to say that a Haven clinician will follow up (after a screener or crisis answer). */
  followUp?: boolean;
};

/** Where to get help now: 911 and the 988 Suicide & Crisis Lifeline, as links a phone can dial. */
export function CrisisResources({ urgent = false, followUp = true }: CrisisResourcesProps) {
  const { t } = useTranslation();
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!urgent) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    panel.current?.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  }, [urgent]);

  return (
    <section ref={panel} className="crisis" role={urgent ? 'alert' : undefined} aria-labelledby="crisis-heading">
      <h2 id="crisis-heading" className="crisis__heading">
        {t('crisis.heading')}
      </h2>
      <p className="crisis__line">{t('crisis.danger')}</p>
      <p className="crisis__line">{t('crisis.lifeline')}</p>
      <CrisisLinks />
      {followUp && <p>{t('crisis.followUp')}</p>}
      <p className="crisis__note">{t('crisis.notEmergency')}</p>
    </section>
  );
}

/** The three numbers as large links: call 988, text 988, call 911. */
export function CrisisLinks() {
  const { t } = useTranslation();
  return (
    <ul className="crisis__links">
      <li>
        <a className="crisis__link" href="tel:988">
          {t('crisis.call988')}
        </a>
      </li>
      <li>
        <a className="crisis__link" href="sms:988">
          {t('crisis.text988')}
        </a>
      </li>
      <li>
        <a className="crisis__link" href="tel:911">
          {t('crisis.call911')}
        </a>
      </li>
    </ul>
  );
}
