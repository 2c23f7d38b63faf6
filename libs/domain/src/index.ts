export * from './civil-capacity';
export * from './area';
export * from './permissions';
