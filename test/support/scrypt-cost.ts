// Without imports: the fault suite's global setup loads it where the @loket/* aliases do not resolve.
/** Password hashing cost the test apps run with (2^14: fast, yet the real code path). */
export const TEST_SCRYPT_LOG2N = '14';
