import type { ServiceDefinition } from '../definition';
import { entry, machines } from './definition';
import { effects } from './effects';

export const definition: ServiceDefinition = {
  ...entry,
  position: 10,
  machines,
  effects,
  // The satker prints the SK from Loket and attaches it signed.
  letters: ['sk-penunjukan'],
};
