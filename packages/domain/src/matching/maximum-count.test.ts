import { describe, expect, it } from 'vitest';
import { canPlaceMore } from './maximum-count.ts';

// Providers 0 and 1; candidates[c] lists the providers client c could go to.
const search = (candidates: number[][], providerOf: number[], placesLeft: number[]) =>
  canPlaceMore(2, (c) => candidates[c] ?? [], Int32Array.from(providerOf), Int32Array.from(placesLeft));

describe('canPlaceMore', () => {
  it('sees a free place an unassigned client could take directly', () => {
    expect(search([[0], [1]], [0, -1], [0, 1])).toBe(true);
  });

  it('finds a place reached by moving an assigned client along', () => {
    // Client 1 can only use provider 0, held by client 0, who could move to provider 1.
    expect(search([[0, 1], [0]], [0, -1], [0, 1])).toBe(true);
  });

  it('says no when every path ends at a full provider', () => {
    expect(search([[0], [0]], [0, -1], [0, 1])).toBe(false);
    expect(search([[0], [0]], [0, 0], [0, 5])).toBe(false);
  });
});
