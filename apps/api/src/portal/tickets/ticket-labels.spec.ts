import { HISTORY_EVENT_TYPES, EVENT_TYPES } from '@loket/workflow';
import { eventLabel, HISTORY_LABELS } from './ticket-labels';

describe('history labels', () => {
  it('word every event type a ticket history can hold (the list of libs/workflow, not a copy)', () => {
    expect(HISTORY_EVENT_TYPES).toEqual(expect.arrayContaining(EVENT_TYPES));
    const missing = HISTORY_EVENT_TYPES.filter((t) => !HISTORY_LABELS[t]);
    expect(missing).toEqual([]);
  });

  it('never show a raw code, even for a type this version does not know', () => {
    for (const t of HISTORY_EVENT_TYPES) expect(eventLabel(t)).not.toMatch(/^[A-Z_]+$/);
    expect(eventLabel('SOMETHING_NEW')).toBe('Perubahan pada tiket');
  });
});
