import { usStateCodes, type ClientList, type UsStateCode } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';

const isState = (code: string | null): code is UsStateCode => (usStateCodes as readonly (string | null)[]).includes(code);

type ClientResultsProps = { list: ClientList; q: string; busy: boolean };

type ClientRow = ClientList['clients'][number];

export function ClientResults({ list, q, busy }: ClientResultsProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const count = list.clients.length;
  const columns: DataTableColumn<ClientRow>[] = [
    {
      key: 'name',
      header: t('partnersOps.clients.columns.name'),
      rowHeader: true,
      cell: (client) => (
        <>
          <Link to={`/admin/clients/${client.clientId}`}>{client.name}</Link>
          <span className="table__note">{client.email}</span>
        </>
      ),
    },
    {
      key: 'state',
      header: t('partnersOps.clients.columns.state'),
      cell: (client) => (isState(client.state) ? vocabulary.state(client.state) : t('partnersOps.clients.noState')),
    },
    {
      key: 'coverage',
      header: t('partnersOps.clients.columns.coverage'),
      cell: (client) => (client.coverage ? vocabulary.coverage(client.coverage) : t('partnersOps.clients.noCoverage')),
    },
  ];

  return (
    <div aria-busy={busy || undefined}>
      <DataTable
        caption={q ? t('partnersOps.clients.captionFor', { count, q }) : t('partnersOps.clients.caption', { count })}
        columns={columns}
        rows={list.clients}
        rowKey={(client) => client.clientId}
        empty={q ? t('partnersOps.clients.noneFor', { q }) : t('partnersOps.clients.none')}
      />
    </div>
  );
}
