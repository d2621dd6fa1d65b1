export * from './accounts.ts';
export * from './care.ts';
export * from './coverage.ts';
export * from './errors.ts';
export * from './health.ts';
export * from './operations.ts';
export * from './providers.ts';
export * from './vocabulary.ts';
