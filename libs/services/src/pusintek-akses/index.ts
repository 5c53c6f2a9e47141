import type { ServiceDefinition } from '../definition';
import { entry, machines } from './definition';
import { effects } from './effects';
import { filing } from './filing';

export const definition: ServiceDefinition = { ...entry, position: 60, machines, effects, filing };
