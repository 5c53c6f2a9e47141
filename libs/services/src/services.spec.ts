import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildLifecycleMachine } from '@loket/workflow';
import { SERVICE_DEFINITIONS } from './index';
import { ServiceRegistry } from './service-registry';
import { TICKET_NOTICES } from './ticket-notices';

const templates = path.resolve(__dirname, '../../../templates');
const folders = readdirSync(__dirname, { withFileTypes: true }).filter((e) => e.isDirectory());

describe('the service folders', () => {
  it('each register one service, found without a list naming them', () => {
    expect(SERVICE_DEFINITIONS).toHaveLength(folders.length);
    expect(new Set(SERVICE_DEFINITIONS.map((s) => s.code)).size).toBe(folders.length);
  });

  it('hand the catalogue its entries and machines, with a handler for every effect a machine names', () => {
    const registry = new ServiceRegistry(SERVICE_DEFINITIONS);
    for (const s of SERVICE_DEFINITIONS) {
      expect(registry.catalogue.service(s.code)).not.toHaveProperty('effects');
      expect(() => registry.catalogue.machine(s.machine.id, s.machine.version)).not.toThrow();
    }
  });

  it('name only templates that exist', () => {
    for (const s of SERVICE_DEFINITIONS) {
      const topics = Object.values(s.notices ?? TICKET_NOTICES).flatMap((rules) => rules!.map((r) => r.topic));
      for (const topic of topics)
        for (const part of ['subject', 'txt', 'html'])
          expect(`${topic}: ${existsSync(path.join(templates, 'emails', `${topic}.${part}.hbs`))}`).toBe(
            `${topic}: true`,
          );
      for (const letter of s.letters ?? [])
        expect(`${letter}: ${existsSync(path.join(templates, 'letters', `${letter}.hbs`))}`).toBe(`${letter}: true`);
    }
  });

  it('stop the start when a machine names an effect its service does not handle', () => {
    const [first] = SERVICE_DEFINITIONS;
    const broken = {
      ...first,
      code: 'UJI_RUSAK',
      machine: { id: 'uji-rusak', version: 1 },
      machines: [buildLifecycleMachine({ id: 'uji-rusak', version: 1, outcomeEffects: ['uji.tidakAda'] })],
      effects: {},
    };
    expect(() => new ServiceRegistry([...SERVICE_DEFINITIONS, broken])).toThrow(
      /UJI_RUSAK has no handler for uji.tidakAda/,
    );
  });
});
