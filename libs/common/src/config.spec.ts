import { loadConfig } from './config';

describe('sweep intervals in the configuration', () => {
  it('sweeps SLA every minute and dormancy daily unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ slaSweepSeconds: 60, dormancySweepSeconds: 0 });
    expect(loadConfig({ SLA_SWEEP_SECONDS: '1', DORMANCY_SWEEP_SECONDS: '5' })).toMatchObject({
      slaSweepSeconds: 1,
      dormancySweepSeconds: 5,
    });
  });

  it('stops start-up on a value that is no whole number of seconds, naming the variable', () => {
    expect(() => loadConfig({ SLA_SWEEP_SECONDS: '0' })).toThrow('SLA_SWEEP_SECONDS="0" tidak valid');
    expect(() => loadConfig({ DORMANCY_SWEEP_SECONDS: '1.5' })).toThrow('DORMANCY_SWEEP_SECONDS="1.5" tidak valid');
  });
});
