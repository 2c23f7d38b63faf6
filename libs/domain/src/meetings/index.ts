export * from './quorum';
export * from './minutes';
