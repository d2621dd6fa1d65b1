import type { ColumnType } from 'kysely';

/** How columns read, insert and update, shared by every table's type. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** `date` columns are kept as 'YYYY-MM-DD' strings (see database.ts). */
export type CalendarDate = string;

export type Json<T> = ColumnType<T, string | undefined, string>;
