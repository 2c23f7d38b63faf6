export * from './time';
export * from './civil-capacity';
export * from './area';
export * from './permissions';
export * from './rules';
export * from './tally';
export * from './hash-chain';
export * from './recount';
