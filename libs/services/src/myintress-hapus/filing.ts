import { MembershipRequests } from '@loket/registry';
import type { FilingCheck } from '../definition';
import { listedMemberships } from './listed';

/** Only the satker's own memberships, each Tidak Aktif or Pendaftaran Ditolak, may be listed. */
export const filing: FilingCheck[] = [
  ({ db, satkerId, form, use }) => use(MembershipRequests).assertDeletable(db, satkerId, listedMemberships(form)),
];
