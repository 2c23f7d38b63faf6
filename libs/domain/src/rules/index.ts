export * from './rule-sets';
export * from './matters';
export * from './schedule';
