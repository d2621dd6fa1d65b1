import { PlanOfferUpdate, type PlanOffer } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdatePlan } from '../../../api/partnersOps.ts';
import { centsToDollarsField, dollarsFieldToCents, formatCents, wholeNumberField } from '../../../money/money.ts';
import { Alert, Button, Card, TextField } from '../../../ui/index.ts';

type PlanOfferFormProps = { offer: PlanOffer; onSaved: (message: string) => void };

/** One plan's price and live sessions a month. The Messaging plan has no live sessions, so only its price changes. */
export function PlanOfferForm({ offer, onSaved }: PlanOfferFormProps) {
  const { t } = useTranslation();
  const update = useUpdatePlan();
  const [price, setPrice] = useState(() => centsToDollarsField(offer.monthlyPriceCents));
  const [live, setLive] = useState(() => String(offer.liveSessionsPerMonth));
  const [errors, setErrors] = useState<{ price?: string; live?: string }>({});
  const name = t(`partnersOps.plans.name.${offer.plan}`);
  const ids = { price: `plan-${offer.plan}-price`, live: `plan-${offer.plan}-live` };
  const editsLive = offer.plan !== 'messaging';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const checked = PlanOfferUpdate.safeParse({
      monthlyPriceCents: dollarsFieldToCents(price),
      liveSessionsPerMonth: editsLive ? wholeNumberField(live) : offer.liveSessionsPerMonth,
    });
    if (!checked.success) {
      const wrong = new Set(checked.error.issues.map((issue) => issue.path[0]));
      const next = {
        price: wrong.has('monthlyPriceCents') ? t('partnersOps.validation.price') : undefined,
        live: wrong.has('liveSessionsPerMonth') ? t('partnersOps.validation.liveSessions') : undefined,
      };
      setErrors(next);
      document.getElementById(next.price ? ids.price : ids.live)?.focus();
      return;
    }
    setErrors({});
    update.mutate(
      { plan: offer.plan, body: checked.data },
      {
        onSuccess: (catalogue) => {
          const saved = catalogue.plans.find((each) => each.plan === offer.plan) ?? offer;
          setPrice(centsToDollarsField(saved.monthlyPriceCents));
          setLive(String(saved.liveSessionsPerMonth));
          onSaved(t('partnersOps.plans.saved', { name, price: formatCents(saved.monthlyPriceCents), count: saved.liveSessionsPerMonth }));
        },
      },
    );
  }

  return (
    <Card title={name} headingLevel={3} headingId={`plan-${offer.plan}`}>
      <form className="form partners__plan-form" noValidate onSubmit={submit}>
        <p className="muted">{offer.messaging ? t('partnersOps.plans.withMessaging') : t('partnersOps.plans.withoutMessaging')}</p>
        {update.isError && <Alert tone="error">{t(`errors.${update.error.code}`)}</Alert>}
        <TextField
          id={ids.price}
          label={t('partnersOps.plans.price')}
          inputMode="decimal"
          autoComplete="off"
          value={price}
          onChange={(event) => setPrice(event.currentTarget.value)}
          error={errors.price}
        />
        {editsLive ? (
          <TextField
            id={ids.live}
            label={t('partnersOps.plans.liveSessions')}
            hint={t('partnersOps.plans.liveSessionsHint')}
            inputMode="numeric"
            autoComplete="off"
            value={live}
            onChange={(event) => setLive(event.currentTarget.value)}
            error={errors.live}
          />
        ) : (
          <p>{t('partnersOps.plans.noLiveSessions')}</p>
        )}
        <div className="form__actions">
          <Button type="submit" variant="secondary" loading={update.isPending}>
            {t('partnersOps.plans.save')}
            <span className="visually-hidden"> {name}</span>
          </Button>
        </div>
      </form>
    </Card>
  );
}
