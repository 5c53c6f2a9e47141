import type { ServiceDefinition } from '../definition';
import { entry, machines } from './definition';
import { effects } from './effects';
import { notices } from './notices';

export const definition: ServiceDefinition = { ...entry, position: 20, machines, effects, notices };
