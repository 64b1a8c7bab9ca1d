import { parseJson, toBool } from '../../platform/db/ids.ts';
import type { ContactDto, OrganisationDto } from '../../shared/schemas/organisations.ts';
import type { OrgRow } from './organisations.repository.ts';

const contactKeys = ['officeName', 'address', 'postcode', 'phone', 'fax', 'email', 'website', 'officeHours'] as const;

export function presentContact(json: string): ContactDto {
  const raw = parseJson<Record<string, string | null>>(json, {});
  return Object.fromEntries(contactKeys.map((k) => [k, raw[k] ?? null])) as ContactDto;
}

export function presentOrganisation(row: OrgRow): OrganisationDto {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    divisionCode: row.division_code,
    uscc: row.uscc,
    siteCode: row.site_code,
    sortOrder: row.sort_order,
    depth: row.depth,
    active: toBool(row.active),
    contact: presentContact(row.contact),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
