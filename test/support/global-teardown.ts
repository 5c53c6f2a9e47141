export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __loketEmbedded?: { stop(): Promise<void> } }).__loketEmbedded;
  await embedded?.stop();
}
