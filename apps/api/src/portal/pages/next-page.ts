/** Where to go after login: a local portal path only (never another site, never the API). */
export function safeNext(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s\\]{0,500}$/.test(value) || /^\/api(\/|$)/.test(value))
    return fallback;
  return value;
}
