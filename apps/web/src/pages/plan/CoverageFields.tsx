import { coverageKinds, type CareFormat, type CoverageKind, type CoverageOptions, type PlanOffer } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { useCoverageOptions } from '../../api/coverage.ts';
import { Alert, Button, RadioGroup, SelectField, Spinner, TextField, type Choice } from '../../ui/index.ts';
import type { CoverageDraft, CoverageField } from './coverageDraft.ts';
import { usePlanWords } from './usePlanWords.ts';
import './CoverageFields.css';

type CoverageFieldsProps = {
  /** Each field's control (or fieldset) id, in page order. */
  ids: Record<CoverageField, string>;
  draft: CoverageDraft;
  onChange: (draft: CoverageDraft) => void;
  errorFor: (field: CoverageField) => string | undefined;
  legend: string;
  /** How the client said they would like to meet, to point out a plan that leaves it out. */
  careFormat?: CareFormat | null;
};

/** The three ways to pay as cards, and below the chosen one what it needs and what counts as a session. */
export function CoverageFields({ ids, draft, onChange, errorFor, legend, careFormat = null }: CoverageFieldsProps) {
  const { t } = useTranslation();
  const options = useCoverageOptions();
  const kindChoices = coverageKinds.map((kind): Choice<CoverageKind> => ({
    value: kind,
    label: t(`intake.coverage.kind.${kind}`),
    description: t(`intake.coverage.kind.${kind}Description`),
  }));
  const update = (change: Partial<CoverageDraft>) => onChange({ ...draft, ...change });

  return (
    <div className="coverage-fields">
      <RadioGroup
        id={ids.coverageKind}
        legend={legend}
        choices={kindChoices}
        value={draft.kind}
        onChange={(kind) => update({ kind })}
        error={errorFor('coverageKind')}
      />
      {draft.kind && (
        <div className="coverage-fields__details">
          {options.isPending && <Spinner label={t('intake.coverage.loading')} />}
          {options.isError && (
            <Alert tone="error">
              <p>{t('intake.coverage.loadFailed')}</p>
              <p>{t(`errors.${options.error.code}`)}</p>
              <Button variant="secondary" onClick={() => void options.refetch()}>
                {t('common.tryAgain')}
              </Button>
            </Alert>
          )}
          {options.data && (
            <KindDetails ids={ids} draft={draft} update={update} errorFor={errorFor} options={options.data} careFormat={careFormat} />
          )}
          <SessionCounting kind={draft.kind} />
        </div>
      )}
    </div>
  );
}

/** What counts as a session with this kind of coverage (PRODUCT §2.2), in one sentence. */
export function SessionCounting({ kind }: { kind: CoverageKind }) {
  const { t } = useTranslation();
  return (
    <p className="coverage-fields__counts">
      <strong>{t('intake.coverage.countsHeading')}</strong> {t(`intake.coverage.counts.${kind}`)}
    </p>
  );
}

type CardNumberFieldProps = { id: string; label: string; hint: string; value: string; onChange: (value: string) => void; error?: string };

/** A code or ID copied from a card: capitals, no spelling correction, nothing remembered by the browser. */
function CardNumberField({ onChange, ...field }: CardNumberFieldProps) {
  return (
    <TextField
      {...field}
      className="coverage-fields__short"
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

type KindDetailsProps = Omit<CoverageFieldsProps, 'onChange' | 'legend'> & {
  update: (change: Partial<CoverageDraft>) => void;
  options: CoverageOptions;
  careFormat: CareFormat | null;
};

function KindDetails({ ids, draft, update, errorFor, options, careFormat }: KindDetailsProps) {
  const { t } = useTranslation();
  const words = usePlanWords();

  switch (draft.kind) {
    case 'direct': {
      const planChoices = options.plans.map((offer): Choice<PlanOffer['plan']> => ({
        value: offer.plan,
        label: words.nameAndPrice(offer),
        description: words.includes(offer),
      }));
      const chosen = options.plans.find((offer) => offer.plan === draft.plan);
      const wantsLive = careFormat === 'live' || careFormat === 'both';
      const wantsMessages = careFormat === 'messaging' || careFormat === 'both';
      return (
        <>
          <RadioGroup
            id={ids.directPlan}
            legend={t('intake.coverage.plans')}
            hint={t('intake.coverage.plansHint')}
            choices={planChoices}
            value={draft.plan}
            onChange={(plan) => update({ plan })}
            error={errorFor('directPlan')}
          />
          {chosen && wantsLive && chosen.liveSessionsPerMonth === 0 && <p className="muted">{t('intake.coverage.noLive')}</p>}
          {chosen && wantsMessages && !chosen.messaging && <p className="muted">{t('intake.coverage.noMessaging')}</p>}
        </>
      );
    }
    case 'eap':
      return (
        <CardNumberField
          id={ids.eapCode}
          label={t('intake.coverage.code')}
          hint={t('intake.coverage.codeHint')}
          value={draft.code}
          onChange={(code) => update({ code })}
          error={errorFor('eapCode')}
        />
      );
    case 'health_plan':
      return (
        <>
          <SelectField
            id={ids.healthPlanId}
            className="coverage-fields__short"
            label={t('intake.coverage.healthPlan')}
            value={draft.healthPlanId}
            onChange={(event) => update({ healthPlanId: event.currentTarget.value })}
            error={errorFor('healthPlanId')}
          >
            <option value="">{t('form.choose')}</option>
            {options.healthPlans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </SelectField>
          <CardNumberField
            id={ids.memberId}
            label={t('intake.coverage.memberId')}
            hint={t('intake.coverage.memberIdHint')}
            value={draft.memberId}
            onChange={(memberId) => update({ memberId })}
            error={errorFor('memberId')}
          />
        </>
      );
    case null:
      return null;
    default:
      return draft.kind satisfies never;
  }
}
