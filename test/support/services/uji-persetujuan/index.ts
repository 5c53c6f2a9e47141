import type { ServiceDefinition } from '@loket/services';
import { entry, machines } from './definition';
import { effects } from './effects';
import { filing } from './filing';
import { notices } from './notices';

export const definition: ServiceDefinition = { ...entry, position: 1000, machines, effects, filing, notices };
