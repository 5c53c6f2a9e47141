/** The authenticated person and everything that decides what they may see. Built per request. */
export interface SatkerMembership {
  satkerId: string;
  satkerCode: string;
  satkerName: string;
  kppnId: string;
}

export interface StaffRole {
  officeId: string;
  officeKind: 'KPPN' | 'KANWIL' | 'PUSAT' | 'PUSINTEK';
  role: 'CSO' | 'SUPERVISOR' | 'ADMIN' | 'DIGIPAY_ADMIN' | 'EDITOR';
}

export interface Actor {
  personId: string;
  name: string;
  /** Satkers this person acts for: only memberships in status 2 (Aktif) count. */
  satkers: SatkerMembership[];
  staff: StaffRole[];
  /** Kode satker where this person's membership is dormant (3): refused there until reactivated. */
  dormantSatkerCodes: string[];
  /** Offices whose queues the staff roles cover: the offices themselves and those under them (a Kanwil's KPPNs). */
  queueOfficeIds: string[];
}

export const satkerIdsOf = (actor: Actor): string[] => actor.satkers.map((s) => s.satkerId);
export const officeIdsWhere = (actor: Actor, role: StaffRole['role'], kinds: StaffRole['officeKind'][]): string[] =>
  actor.staff.filter((s) => s.role === role && kinds.includes(s.officeKind)).map((s) => s.officeId);

/** Calendars and undeliverable notices are national: their admins sit at Kantor Pusat. */
export const isNationalAdmin = (actor: Actor): boolean =>
  actor.staff.some((s) => s.role === 'ADMIN' && s.officeKind === 'PUSAT');
