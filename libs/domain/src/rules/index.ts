export * from './rule-sets';
export * from './matters';
