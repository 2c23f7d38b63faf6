export * from './election';
