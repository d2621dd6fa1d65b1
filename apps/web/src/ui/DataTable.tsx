import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll.tsx';

export type DataTableColumn<Row> = {
  /** Unique within the table; React's key for the header and the cells. */
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Numbers read best lined up on the right. */
  align?: 'start' | 'end';
  /** For a column whose cells explain themselves (buttons, say): the header stays for screen readers. */
  visuallyHiddenHeader?: boolean;
  /** Renders the cell as `<th scope="row">`, so a screen reader names each cell by its row. */
  rowHeader?: boolean;
  /** An id for each cell, so controls elsewhere in the row can point at it (aria-describedby). */
  cellId?: (row: Row) => string;
  className?: string;
};

type DataTableProps<Row> = {
  /** The table's accessible name, also the name of the scrolling region around it. */
  caption: string;
  /** When a heading right above already says what the table is. */
  captionHidden?: boolean;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows: a string becomes a paragraph. */
  empty: ReactNode;
};

const cellClass = <Row,>(column: DataTableColumn<Row>) =>
  [column.align === 'end' && 'table__cell--end', column.className].filter(Boolean).join(' ') || undefined;

/** Haven's one table: a caption, column headers with their scope, and a sideways scroll on a phone. */
export function DataTable<Row>({ caption, captionHidden, columns, rows, rowKey, empty }: DataTableProps<Row>) {
  if (rows.length === 0) return typeof empty === 'string' ? <p>{empty}</p> : empty;
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === 'end' ? 'table__cell--end' : undefined}>
                {column.visuallyHiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const Cell = column.rowHeader ? 'th' : 'td';
                return (
                  <Cell
                    key={column.key}
                    scope={column.rowHeader ? 'row' : undefined}
                    id={column.cellId?.(row)}
                    className={cellClass(column)}
                  >
                    {column.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
