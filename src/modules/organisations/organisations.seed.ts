import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SqlDialect } from '../../platform/db/dialect/types.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { OrganisationRepository, type OrgRow } from './organisations.repository.ts';
import type { OrgKind } from './organisations.tables.ts';

type Division = { code: string; name: string };
export type CityDivisions = {
  city: Division;
  areas: Division[];
  streets: (Division & { areaCode: string })[];
};

/** The usual departments of a city government (a small built-in list; editable afterwards). */
export const cityDepartments = [
  '市人民政府办公室', '市发展和改革委员会', '市教育局', '市科学技术局', '市经济和信息化局', '市公安局', '市民政局',
  '市司法局', '市财政局', '市人力资源和社会保障局', '市自然资源和规划局', '市生态环境局', '市住房和城乡建设局',
  '市交通运输局', '市水利和湖泊局', '市农业农村局', '市商务局', '市文化和旅游局', '市卫生健康委员会',
  '市退役军人事务局', '市应急管理局', '市审计局', '市市场监督管理局', '市统计局', '市医疗保障局', '市数据局',
];

/** Parses the divisions CSV files (header row, optional double quotes, no embedded commas in this data). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/**
 * The city's divisions from the national CSV files when the folder exists, else the derived copy of 宜昌's rows
 * shipped with Gongkai.
 */
export function loadCityDivisions(dir: string, cityCode6 = '420500'): CityDivisions {
  const city4 = cityCode6.slice(0, 4);
  if (existsSync(join(dir, 'areas.csv')) && existsSync(join(dir, 'streets.csv')) && existsSync(join(dir, 'cities.csv'))) {
    const cityRow = parseCsv(readFileSync(join(dir, 'cities.csv'), 'utf8')).find((r) => r.code === city4);
    if (cityRow) {
      const areas = parseCsv(readFileSync(join(dir, 'areas.csv'), 'utf8'))
        .filter((r) => r.cityCode === city4)
        .map((r) => ({ code: r.code!, name: r.name! }));
      const streets = parseCsv(readFileSync(join(dir, 'streets.csv'), 'utf8'))
        .filter((r) => r.cityCode === city4)
        .map((r) => ({ code: r.code!, name: r.name!, areaCode: r.areaCode! }));
      return { city: { code: cityCode6, name: cityRow.name! }, areas, streets };
    }
  }
  const bundled = JSON.parse(readFileSync(new URL('./seed/yichang-divisions.json', import.meta.url), 'utf8')) as CityDivisions;
  return bundled;
}

/** Creates the city, its county-level areas, their townships/streets and the city departments. Returns the root. */
export async function seedOrganisationTree(db: Kysely<DB>, dialect: SqlDialect, divisions: CityDivisions): Promise<OrgRow> {
  const repo = new OrganisationRepository(db, dialect);
  const now = nowIso();
  const rows: OrgRow[] = [];
  const make = (parent: OrgRow | null, name: string, kind: OrgKind, code: string | null, sortOrder: number): OrgRow => {
    const id = newId();
    const row: OrgRow = {
      id,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      name,
      short_name: null,
      kind,
      division_code: code,
      uscc: null,
      site_code: null,
      sort_order: sortOrder,
      active: 1,
      contact: '{}',
      created_at: now,
      updated_at: now,
    };
    rows.push(row);
    return row;
  };
  const city = make(null, divisions.city.name, 'city', divisions.city.code, 0);
  const cityName = divisions.city.name.replace(/市$/, '');
  cityDepartments.forEach((d, i) => make(city, d.replace(/^市/, `${cityName}市`), 'department', null, 100 + i));
  divisions.areas.forEach((area, i) => {
    const county = make(city, area.name, 'county', area.code, 1000 + i);
    divisions.streets
      .filter((s) => s.areaCode === area.code)
      .forEach((s, j) => make(county, s.name, 'township', s.code, j));
  });
  await repo.insertMany(rows);
  return city;
}
