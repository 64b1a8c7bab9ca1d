import type { OrgKind } from './organisations.tables.ts';

/** Which kinds may sit under which parent kind (null = top of the tree). */
export const allowedParents: Record<OrgKind, readonly (OrgKind | null)[]> = {
  city: [null],
  county: ['city'],
  township: ['county', 'city'],
  village: ['township'],
  department: ['city', 'county', 'township', 'department'],
  institution: ['city', 'county', 'township', 'department', 'institution'],
};

export const canSitUnder = (kind: OrgKind, parentKind: OrgKind | null): boolean => allowedParents[kind].includes(parentKind);
