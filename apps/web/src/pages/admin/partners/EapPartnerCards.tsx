import type { EapPartner } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../time/formatting.ts';
import { Card, Fact } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { AddEapCodeForm } from './AddEapCodeForm.tsx';
import { EapCodes } from './EapCodes.tsx';

type EapPartnerCardsProps = { partners: readonly EapPartner[]; onChanged: (message: string) => void };

/**
 * Each organisation as a card: what it gives each client, until when, its codes with how many
 * enrolled, and a way to add one. Cards rather than one wide table, so that codes and forms fit a phone.
 */
export function EapPartnerCards({ partners, onChanged }: EapPartnerCardsProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();

  if (partners.length === 0) return <p>{t('partnersOps.eap.empty')}</p>;
  return (
    <div className="card-grid card-grid--pairs">
      {partners.map((partner) => (
        <Card key={partner.id} title={partner.name} headingLevel={3} headingId={`eap-${partner.id}`}>
          <div className="partners__eap">
            <dl className="facts">
              <Fact term={t('partnersOps.eap.sessionsPerClient')}>{partner.sessionsPerClient}</Fact>
              <Fact term={t('partnersOps.eap.endsOnShort')}>{formatCalendarDate(partner.endsOn, vocabulary.locale)}</Fact>
            </dl>
            <EapCodes partner={partner} onChanged={onChanged} />
            <AddEapCodeForm partner={partner} onAdded={onChanged} />
          </div>
        </Card>
      ))}
    </div>
  );
}
