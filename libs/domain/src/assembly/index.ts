export * from './assembly';
