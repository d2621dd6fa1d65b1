import { useTranslation } from 'react-i18next';
import { usePlanCatalogue } from '../../../api/partnersOps.ts';
import { Spinner } from '../../../ui/index.ts';
import { LoadFailed } from '../../LoadFailed.tsx';
import { PlanOfferForm } from './PlanOfferForm.tsx';

/** The self-pay plans, each its own small form: price and live sessions a month. */
export function DirectPlans({ onSaved }: { onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = usePlanCatalogue();

  return (
    <section className="stack partners__section" aria-labelledby="direct-plans-heading">
      <h2 id="direct-plans-heading">{t('partnersOps.plans.heading')}</h2>
      <p>{t('partnersOps.plans.lead')}</p>
      {catalogue.isError && (
        <LoadFailed failure={catalogue.error} onRetry={() => void catalogue.refetch()} what="partnersOps.plans.loadFailed" asPage={false} />
      )}
      {catalogue.isPending && <Spinner />}
      {catalogue.data && (
        <div className="card-grid partners__plans">
          {catalogue.data.plans.map((offer) => (
            <PlanOfferForm key={offer.plan} offer={offer} onSaved={onSaved} />
          ))}
        </div>
      )}
    </section>
  );
}
