import { ProviderListQuery } from '@haven/contract';

export type ProviderFilters = ReturnType<typeof ProviderListQuery.parse>;

/** The list query the URL asks for; a hand-edited URL that makes no sense asks for page 1 of all. */
export function queryFromSearch(params: URLSearchParams): ProviderFilters {
  const parsed = ProviderListQuery.safeParse(Object.fromEntries(params));
  return parsed.success ? parsed.data : { page: 1 };
}

/** The filled-in fields of the search form, as URL search parameters (always from page 1). */
export function searchFromForm(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  }
  return params;
}
