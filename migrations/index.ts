import { InitialSchema1763700000000 } from './1763700000000-InitialSchema';
import { MembershipRegistry1763800000000 } from './1763800000000-MembershipRegistry';

// Listed explicitly (not globbed) so the same list runs from ts sources in tests and from dist.
export const MIGRATIONS = [InitialSchema1763700000000, MembershipRegistry1763800000000];
