import { AccountsRegistry, type AccountForm } from '@loket/registry';
import type { FilingCheck } from '../definition';

/** A signer of echelon III or higher, and a request that fits the account's state. */
export const filing: FilingCheck[] = [
  ({ db, form, use }) => use(AccountsRegistry).check(db, form as unknown as AccountForm),
];
