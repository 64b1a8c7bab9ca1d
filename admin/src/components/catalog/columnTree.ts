// The flat column list of GET /organisations/:id/catalog as a tree, for Tree and TreeSelect.
import type { CatalogColumn } from '../../types';

export interface ColumnNode {
  column: CatalogColumn;
  children: ColumnNode[];
}

/** Links columns under their parents, ordered by sortOrder then name; orphans become roots. */
export function buildColumnTree(items: CatalogColumn[]): ColumnNode[] {
  const nodes = new Map(items.map((c) => [c.id, { column: c, children: [] as ColumnNode[] }]));
  const roots: ColumnNode[] = [];
  for (const c of items) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: ColumnNode[]) => {
    list.sort((a, b) => a.column.sortOrder - b.column.sortOrder || a.column.name.localeCompare(b.column.name, 'zh-CN'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** "每 14 天" style text for an update frequency. */
export function updateDaysText(days: number | null): string {
  if (!days) return '不要求';
  const every = (n: number, one: string, many: string) => (n === 1 ? `每${one}` : `每 ${n} ${many}`);
  if (days % 365 === 0) return every(days / 365, '年', '年');
  if (days % 30 === 0) return every(days / 30, '月', '个月');
  if (days % 7 === 0) return every(days / 7, '周', '周');
  return every(days, '天', '天');
}

export interface ColumnOption {
  value: string;
  title: string;
  children: ColumnOption[];
}

export function toColumnOptions(nodes: ColumnNode[]): ColumnOption[] {
  return nodes.map((n) => ({ value: n.column.id, title: n.column.name, children: toColumnOptions(n.children) }));
}
