import type { Licence } from '@haven/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../time/formatting.ts';
import { TableScroll } from '../../ui/index.ts';
import { LicenceStatusBadge } from '../../vocabulary/StatusBadges.tsx';
import { useVocabulary } from '../../vocabulary/useVocabulary.ts';

type LicenceCell = 'state' | 'type' | 'number';

export const licenceCellId = (licence: Pick<Licence, 'id'>, cell: LicenceCell) => `licence-${licence.id}-${cell}`;

/**
 * The cells that say which licence a row is, for the aria-describedby of its buttons: "Verify" then
 * reads "Texas LPC LPC-88231" as its description, while its name, and the cell's, stay short.
 */
export const licenceCellIds = (licence: Pick<Licence, 'id'>) =>
  (['state', 'type', 'number'] as const).map((cell) => licenceCellId(licence, cell)).join(' ');

type LicenceTableProps = {
  caption: string;
  licences: readonly Licence[];
  /** What can be done with a licence (remove it, decide on it); no column when nothing can. */
  actions?: (licence: Licence) => ReactNode;
};

/** Licences with their state, type, number, expiry and verification status. */
export function LicenceTable({ caption, licences, actions }: LicenceTableProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const actionCells = licences.map((licence) => actions?.(licence));
  const hasActions = actionCells.some(Boolean);

  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('licences.columns.state')}</th>
            <th scope="col">{t('licences.columns.type')}</th>
            <th scope="col">{t('licences.columns.number')}</th>
            <th scope="col">{t('licences.columns.expires')}</th>
            <th scope="col">{t('licences.columns.status')}</th>
            {hasActions && <th scope="col">{t('licences.columns.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {licences.map((licence, index) => (
            <tr key={licence.id}>
              <th scope="row" id={licenceCellId(licence, 'state')}>
                {vocabulary.state(licence.state)}
              </th>
              <td id={licenceCellId(licence, 'type')}>{licence.licenceType}</td>
              <td id={licenceCellId(licence, 'number')}>{licence.number}</td>
              <td>{formatCalendarDate(licence.expiresOn, vocabulary.locale)}</td>
              <td>
                <LicenceStatusBadge status={licence.status} />
                {licence.rejectionReason && (
                  <span className="table__note">{t('licences.rejectionReason', { reason: licence.rejectionReason })}</span>
                )}
              </td>
              {hasActions && (
                <td>
                  <div className="table__actions">{actionCells[index]}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "the Texas LCSW license 12345": tells apart buttons that repeat on every row. */
export function useLicenceName() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (licence: Licence) =>
    t('licences.name', { state: vocabulary.state(licence.state), type: licence.licenceType, number: licence.number });
}
