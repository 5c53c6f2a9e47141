// The scrypt cost tests hash with (2^14: fast; production keeps the OWASP default). Its own module,
// free of @loket imports, because the fault suite's global setup loads it outside jest's module mapper.
export const TEST_SCRYPT_LOG2N = '14';
