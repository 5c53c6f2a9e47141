import { hashPassword, scryptCost } from '@loket/auth';
import { loadConfig } from '@loket/common';
import { startTestApp, type TestApp } from './support/app';
import { createPerson, PASSWORD } from './support/world';

// Production hashes at the OWASP scrypt parameters (the other suites lower the cost through
// PASSWORD_SCRYPT_LOG2N); a hash from older parameters is replaced at the next successful login.
describe('password hashing', () => {
  let t: TestApp;

  // The production default: no PASSWORD_SCRYPT_LOG2N.
  beforeAll(async () => (t = await startTestApp({ env: { PASSWORD_SCRYPT_LOG2N: '' } })));
  afterAll(() => t.close());

  const hashOf = async (id: string): Promise<string> =>
    (await t.db.query(`SELECT password_hash FROM persons WHERE id = $1`, [id]))[0].password_hash;

  it('defaults to scrypt N=2^17, r=8, p=1', () => {
    expect(t.config.passwordScryptLog2N).toBe(17);
  });

  it('upgrades an old-parameter hash on the next successful login, and only then', async () => {
    const person = await createPerson(t.db, 'Pemilik Hash Lama');
    const old = await hashPassword(PASSWORD, scryptCost(14));
    await t.db.query(`UPDATE persons SET password_hash = $2 WHERE id = $1`, [person.id, old]);
    expect(old).toMatch(/^scrypt\$16384\$8\$1\$/);

    const wrong = await t.http.post('/api/v1/auth/login').send({ nik: person.nik, password: 'SalahSekali123' });
    expect(wrong.status).toBe(401);
    expect(await hashOf(person.id)).toBe(old);

    const ok = await t.http.post('/api/v1/auth/login').send({ nik: person.nik, password: PASSWORD });
    expect(ok.status).toBe(200);
    const upgraded = await hashOf(person.id);
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);

    const again = await t.http.post('/api/v1/auth/login').send({ nik: person.nik, password: PASSWORD });
    expect(again.status).toBe(200);
    expect(await hashOf(person.id)).toBe(upgraded);
  });

  it('refuses a value outside 14..20 at start-up', () => {
    expect(() => loadConfig({ PASSWORD_SCRYPT_LOG2N: '10' })).toThrow(/PASSWORD_SCRYPT_LOG2N/);
  });
});
