export * from './organization';
export * from './errors';
export * from './auth';
export * from './consultations';
export * from './public-results';
export * from './votes';
export * from './refusals';
export * from './messages';
