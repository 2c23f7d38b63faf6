export * from './civil-capacity';
export * from './area';
