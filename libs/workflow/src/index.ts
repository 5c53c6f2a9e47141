export * from './types';
export * from './events';
export * from './nik';
export * from './form-schema';
export * from './lifecycle';
export * from './catalogue';
export * from './engine';
export * from './sla-policy';
