export * from './rule-sets';
export * from './rule-bases';
export * from './matters';
export * from './matter-labels';
export * from './schedule';
