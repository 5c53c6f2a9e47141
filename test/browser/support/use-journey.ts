import { startTestApp, type TestApp } from '../../support/app';
import { createWorld, type World } from '../../support/world';
import { Journey } from './journey';

export interface JourneyContext {
  t: TestApp;
  w: World;
  journey: Journey;
}

/**
 * A journey's app (on the suite's database), a world of its own and the browser: started before the
 * describe block's tests, closed after them (page weights written). Read the fields inside tests.
 */
export function useJourney(name: string): JourneyContext {
  const ctx = {} as JourneyContext;
  beforeAll(async () => {
    ctx.t = await startTestApp();
    ctx.w = await createWorld(ctx.t.db);
    ctx.journey = await Journey.start(name, ctx.t.url);
    // Migrations, the app and Chromium's first unpacking: past Jest's 30 s default on a busy machine.
  }, 90000);
  afterAll(async () => {
    await ctx.journey?.finish();
    await ctx.t?.close();
  });
  return ctx;
}
