export * from './types';
export { tally, proxyRefusal } from './tally';
export { proxyRegime, countsAttendance } from './regime';
export { meets, percentOf, formatCount } from './fraction';
export { REJECTION_TEXTS, thresholdWords } from './wording/explain';
