import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartners } from '../../../api/partnersOps.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { Spinner, StatusMessage } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { AddHealthPlanForm } from './AddHealthPlanForm.tsx';
import { AddOrganisationForm } from './AddOrganisationForm.tsx';
import { DirectPlans } from './DirectPlans.tsx';
import { EapPartnerCards } from './EapPartnerCards.tsx';
import { HealthPlansTable } from './HealthPlansTable.tsx';
import './partners.css';

/** Who pays for clients (PRODUCT §2.2, §2.8): employers' EAP codes, health plans, and the self-pay plans. */
export function PartnersPage() {
  const { t } = useTranslation();
  usePageTitle('partnersOps.heading');
  const partners = usePartners();
  // One live region for the whole page: the control that caused a change may be gone once it is done.
  const [message, setMessage] = useState<string | null>(null);
  const said = (text: string) => {
    // Emptied first, so that the same words twice are still announced twice.
    setMessage(null);
    setTimeout(() => setMessage(text), 0);
  };

  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('partnersOps.heading')}</h1>
        <p className="lead">{t('partnersOps.lead')}</p>
      </div>
      <StatusMessage message={message} />
      {partners.isError && (
        <LoadFailed failure={partners.error} onRetry={() => void partners.refetch()} what="partnersOps.loadFailed" asPage={false} />
      )}
      <section className="stack partners__section" aria-labelledby="eap-heading">
        <h2 id="eap-heading">{t('partnersOps.eap.heading')}</h2>
        <p>{t('partnersOps.eap.lead')}</p>
        {partners.isPending && <Spinner />}
        {partners.data && <EapPartnerCards partners={partners.data.eap} onChanged={said} />}
        <AddOrganisationForm onAdded={said} />
      </section>
      <section className="stack partners__section" aria-labelledby="health-plans-heading">
        <h2 id="health-plans-heading">{t('partnersOps.healthPlans.heading')}</h2>
        <p>{t('partnersOps.healthPlans.lead')}</p>
        {partners.isPending && <Spinner />}
        {partners.data && <HealthPlansTable healthPlans={partners.data.healthPlans} />}
        <AddHealthPlanForm onAdded={said} />
      </section>
      <DirectPlans onSaved={said} />
    </div>
  );
}
