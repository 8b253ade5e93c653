export * from './platform/problem.ts';
export * from './platform/money.ts';
export * from './platform/jobs.ts';
export * from './identity/shop-auth.ts';
export * from './identity/admin-auth.ts';
