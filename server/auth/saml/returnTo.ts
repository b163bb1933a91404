const MAX_LENGTH = 1024;

/**
 * A returnTo or RelayState value that is safe to redirect to: a local path starting with exactly one
 * '/', without backslashes (browsers read '/\\host' as '//host'), scheme, whitespace or control
 * characters. Anything else is null, so no sign-in can bounce a member to another site.
 */
export function localPathOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  if (value.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being refused
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const resolved = new URL(value, 'http://local.invalid');
    if (resolved.origin !== 'http://local.invalid') return null;
  } catch {
    return null;
  }
  return value;
}

/** The returnTo to use: the value when it is a safe local path, else the home page. */
export const safeReturnTo = (value: unknown): string => localPathOrNull(value) ?? '/';
