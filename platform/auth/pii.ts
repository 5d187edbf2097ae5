import type { Caller } from './caller.ts';

/** The scope that shows personal contact data (e-mails, phone numbers) whole. */
export const PII_SCOPE = 'pii:read';

/** "jane.doe@example.com" → "j•••@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '•••' : `${email[0]}•••${email.slice(at)}`;
}

/** "+1 415 555 0189" → "+1•••••89": the country prefix and the last two digits. */
export function maskPhone(phone: string): string {
  return phone.length <= 4 ? '•••••' : `${phone.slice(0, 2)}•••••${phone.slice(-2)}`;
}

/** The value as the caller may see it: whole with pii:read, masked without. */
export function personal<T extends string | null | undefined>(caller: Caller, value: T, mask: (value: string) => string): T | string {
  return value === null || value === undefined || caller.scopes.includes(PII_SCOPE) ? value : mask(value);
}
