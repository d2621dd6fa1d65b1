import type { EapPartner } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { useDeactivateEapCode } from '../../../api/partnersOps.ts';
import { Alert, Badge, ConfirmButton } from '../../../ui/index.ts';

type EapCodesProps = { partner: EapPartner; onChanged: (message: string) => void };

/** An organisation's codes: clients enrolled, whether new clients may still use it, and a way to stop that. */
export function EapCodes({ partner, onChanged }: EapCodesProps) {
  const { t } = useTranslation();
  const deactivate = useDeactivateEapCode();
  const headingId = `eap-codes-${partner.id}`;

  return (
    <section className="partners__codes" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('partnersOps.eap.codesHeading')}</h4>
      {deactivate.isError && <Alert tone="error">{t(`errors.${deactivate.error.code}`)}</Alert>}
      {partner.codes.length === 0 ? (
        <p>{t('partnersOps.eap.noCodes')}</p>
      ) : (
        <ul className="bare-list">
          {partner.codes.map(({ code, active, enrolled }) => (
            <li key={code} className="partners__code-item">
              <span className="partners__code">{code}</span>
              <span>{t('partnersOps.eap.enrolled', { count: enrolled })}</span>
              {active ? (
                <Badge tone="success">{t('partnersOps.eap.active')}</Badge>
              ) : (
                <Badge tone="neutral">{t('partnersOps.eap.inactive')}</Badge>
              )}
              {active && (
                <ConfirmButton
                  small
                  label={t('partnersOps.eap.deactivate')}
                  hiddenLabel={code}
                  question={t('partnersOps.eap.deactivateQuestion', { code })}
                  confirmLabel={t('partnersOps.eap.deactivateConfirm')}
                  cancelLabel={t('partnersOps.eap.cancel')}
                  pending={deactivate.isPending && deactivate.variables?.code === code}
                  onAsk={() => deactivate.reset()}
                  onConfirm={() =>
                    deactivate.mutate(
                      { partnerId: partner.id, code },
                      { onSuccess: () => onChanged(t('partnersOps.eap.deactivated', { code, name: partner.name })) },
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
