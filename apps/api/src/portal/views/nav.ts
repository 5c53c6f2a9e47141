import type { Actor } from '@loket/auth';

/** An entry of the main menu, shown to the people `when` accepts. */
export interface NavEntry {
  href: string;
  label: string;
  /** Position in the menu, lowest first. */
  order: number;
  when: (actor: Actor) => boolean;
}

export const PORTAL_NAV = Symbol('PORTAL_NAV');
export const NAV_METADATA = 'loket:portal-nav';

export const isSatkerUser = (a: Actor) => a.satkers.length > 0;
export const isAgent = (a: Actor) => a.staff.some((s) => s.role === 'CSO');
export const isSupervisor = (a: Actor) => a.staff.some((s) => s.role === 'SUPERVISOR');
