export * from './organization';
export * from './errors';
