export * from './quorum';
