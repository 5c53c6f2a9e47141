import { loadServiceFolders } from './service-folders';

export * from './definition';
export * from './notices';
export * from './ticket-notices';
export * from './service-registry';
export * from './service-effects';
export * from './service-folders';
export * from './ticket-letter';
export { SELF_REGISTRATION } from './myintress-daftar-mandiri/definition';

/** Every service of the application: one folder each, beside this file. */
export const SERVICE_DEFINITIONS = loadServiceFolders(__dirname);
