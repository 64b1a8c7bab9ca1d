// Groups the public organisation list into the directory's levels (city → its departments, county-level
// areas → their departments and townships/streets) and narrows it by name. Pure: no I/O.
import type { OrganisationDto } from '../shared/schemas/organisations.ts';

export type Org = OrganisationDto;
export type AreaSection = { area: Org; units: Org[]; townships: Org[] };
export type CitySection = { city: Org; cityMatches: boolean; units: Org[]; townships: Org[]; areas: AreaSection[] };
export type Directory = {
  cities: CitySection[];
  /** Matches below the directory's levels (e.g. villages, sub-departments); only when filtering. */
  deeper: Org[];
  /** How many organisations match the query (all of them when there is no query). */
  matchCount: number;
};

export const kindLabels: Record<string, string> = {
  city: '市',
  county: '县级行政区',
  township: '乡镇、街道',
  village: '村、社区',
  department: '政府部门',
  institution: '事业单位',
};

const isUnit = (o: Org) => o.kind === 'department' || o.kind === 'institution';

export type OrgIndex = { byId: Map<string, Org>; children: Map<string | null, Org[]> };

/** Lookup tables over the flat list; children keep the list's order (depth, sort order, name). */
export function indexOrganisations(orgs: Org[]): OrgIndex {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const children = new Map<string | null, Org[]>();
  for (const o of orgs) {
    const parent = o.parentId !== null && byId.has(o.parentId) ? o.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(o);
    children.set(parent, list);
  }
  return { byId, children };
}

/** From the root down to the organisation's parent. */
export function ancestorsOf(org: Org, index: OrgIndex): Org[] {
  const chain: Org[] = [];
  let parent = org.parentId ? index.byId.get(org.parentId) : undefined;
  while (parent && chain.length < 20) {
    chain.unshift(parent);
    parent = parent.parentId ? index.byId.get(parent.parentId) : undefined;
  }
  return chain;
}

const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Case- and width-insensitive match on name, short name, or the start of the division code. */
export function nameMatcher(query: string): (o: Org) => boolean {
  const needle = normalise(query);
  if (!needle) return () => true;
  return (o) =>
    normalise(o.name).includes(needle) ||
    (o.shortName !== null && normalise(o.shortName).includes(needle)) ||
    (o.divisionCode !== null && /^\d+$/.test(needle) && o.divisionCode.startsWith(needle));
}

export function buildDirectory(orgs: Org[], query = ''): Directory {
  const index = indexOrganisations(orgs);
  const matches = nameMatcher(query);
  const kids = (id: string) => index.children.get(id) ?? [];
  const placed = new Set<string>();
  const keep = (list: Org[]) => {
    list.forEach((o) => placed.add(o.id));
    return list.filter(matches);
  };

  const cities: CitySection[] = [];
  for (const city of index.children.get(null) ?? []) {
    placed.add(city.id);
    const areas: AreaSection[] = [];
    for (const area of kids(city.id).filter((o) => o.kind === 'county')) {
      placed.add(area.id);
      const section = { area, units: keep(kids(area.id).filter(isUnit)), townships: keep(kids(area.id).filter((o) => o.kind === 'township')) };
      if (matches(area) || section.units.length || section.townships.length) areas.push(section);
    }
    const units = keep(kids(city.id).filter(isUnit));
    const townships = keep(kids(city.id).filter((o) => o.kind === 'township'));
    const cityMatches = matches(city);
    if (cityMatches || units.length || townships.length || areas.length) cities.push({ city, cityMatches, units, townships, areas });
  }
  const deeper = query ? orgs.filter((o) => !placed.has(o.id) && matches(o)) : [];
  return { cities, deeper, matchCount: orgs.filter(matches).length };
}
