export * from './types';
export { tally, proxyRegime, countsAttendance } from './tally';
export { meets, percentOf, formatCount } from './fraction';
export { REJECTION_TEXTS, thresholdWords } from './explain';
