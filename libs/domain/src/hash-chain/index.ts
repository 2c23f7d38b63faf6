export * from './canonical-json';
export * from './sha256';
export * from './chain';
export * from './strict-json';
