import { startTestApp, type TestApp } from './support/app';

// helmet's headers on the API and the portal; HSTS exactly when the public address is https.
describe('security headers', () => {
  const CSP =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  let plain: TestApp;
  let https: TestApp;

  beforeAll(async () => {
    [plain, https] = await Promise.all([
      startTestApp(),
      startTestApp({ env: { PUBLIC_URL: 'https://loket.kemenkeu.go.id' } }),
    ]);
  });
  afterAll(() => Promise.all([plain.close(), https.close()]));

  it('sends HSTS on API answers and portal pages when PUBLIC_URL is https', async () => {
    for (const path of ['/api/v1/health', '/masuk', '/api/v1/tidak-ada']) {
      const res = await https.http.get(path);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('sends no HSTS over plain http', async () => {
    for (const path of ['/api/v1/health', '/masuk']) {
      const res = await plain.http.get(path);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it.each([
    ['plain', () => plain],
    ['https', () => https],
  ])("keeps the portal CSP and adds helmet's headers (%s)", async (_name, app) => {
    const page = await app().http.get('/masuk');
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'x-dns-prefetch-control': 'off',
    });
    expect(page.headers['x-powered-by']).toBeUndefined();
    const api = await app().http.get('/api/v1/health');
    expect(api.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'x-dns-prefetch-control': 'off',
    });
    expect(api.headers['content-security-policy']).toBeUndefined();
  });
});
