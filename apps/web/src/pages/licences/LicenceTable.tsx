import type { Licence } from '@haven/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatCalendarDate } from '../../time/formatting.ts';
import { DataTable, type DataTableColumn } from '../../ui/index.ts';
import { LicenceStatusBadge } from '../../vocabulary/StatusBadges.tsx';
import { useVocabulary, type Vocabulary } from '../../vocabulary/useVocabulary.ts';

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
  /** Shown instead of the table when there are no licences. */
  empty: ReactNode;
  /** What can be done with a licence (remove it, decide on it); no column when nothing can. */
  actions?: (licence: Licence) => ReactNode;
};

/** The columns that say which licence a row is, and when it expires: shared by every licence table. */
export function licenceColumns<L extends Licence>(t: TFunction, vocabulary: Vocabulary, rowHeader: boolean): DataTableColumn<L>[] {
  return [
    {
      key: 'state',
      header: t('licences.columns.state'),
      rowHeader,
      cellId: (licence) => licenceCellId(licence, 'state'),
      cell: (licence) => vocabulary.state(licence.state),
    },
    {
      key: 'type',
      header: t('licences.columns.type'),
      cellId: (licence) => licenceCellId(licence, 'type'),
      cell: (licence) => licence.licenceType,
    },
    {
      key: 'number',
      header: t('licences.columns.number'),
      cellId: (licence) => licenceCellId(licence, 'number'),
      cell: (licence) => licence.number,
    },
    {
      key: 'expires',
      header: t('licences.columns.expires'),
      cell: (licence) => formatCalendarDate(licence.expiresOn, vocabulary.locale),
    },
  ];
}

/** Licences with their state, type, number, expiry and verification status. */
export function LicenceTable({ caption, licences, empty, actions }: LicenceTableProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const columns: DataTableColumn<Licence>[] = [
    ...licenceColumns<Licence>(t, vocabulary, true),
    {
      key: 'status',
      header: t('licences.columns.status'),
      cell: (licence) => (
        <>
          <LicenceStatusBadge status={licence.status} />
          {licence.rejectionReason && (
            <span className="table__note">{t('licences.rejectionReason', { reason: licence.rejectionReason })}</span>
          )}
        </>
      ),
    },
  ];
  const actionCells = new Map(licences.map((licence) => [licence.id, actions?.(licence)]));
  if ([...actionCells.values()].some(Boolean)) {
    columns.push({
      key: 'actions',
      header: t('licences.columns.actions'),
      cell: (licence) => <div className="table__actions">{actionCells.get(licence.id)}</div>,
    });
  }

  return <DataTable caption={caption} columns={columns} rows={licences} rowKey={(licence) => licence.id} empty={empty} />;
}

/** "the Texas LCSW license 12345": tells apart buttons that repeat on every row. */
export function useLicenceName() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (licence: Licence) =>
    t('licences.name', { state: vocabulary.state(licence.state), type: licence.licenceType, number: licence.number });
}
