// Building the organisation tree client-side from the flat list of GET /organisations/tree.
import type { Organisation } from '../types';

export interface OrgNode {
  org: Organisation;
  children: OrgNode[];
}

/**
 * Links each organisation under its parent, keeping the server's order (sortOrder, then name).
 * Organisations whose parent is not in the list (outside the actor's reach) become roots.
 */
export function buildForest(items: Organisation[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const org of items) nodes.set(org.id, { org, children: [] });
  const roots: OrgNode[] = [];
  for (const org of items) {
    const node = nodes.get(org.id)!;
    const parent = org.parentId ? nodes.get(org.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The id itself and every organisation below it. */
export function subtreeIds(items: Organisation[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const org of items) {
    if (!org.parentId) continue;
    const list = children.get(org.parentId) ?? [];
    list.push(org.id);
    children.set(org.parentId, list);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (out.has(current)) continue;
    out.add(current);
    stack.push(...(children.get(current) ?? []));
  }
  return out;
}

/** Ancestors of an organisation, nearest first. */
export function ancestorIds(items: Organisation[], id: string): string[] {
  const byId = new Map(items.map((o) => [o.id, o]));
  const out: string[] = [];
  let current = byId.get(id)?.parentId ?? null;
  while (current && byId.has(current) && !out.includes(current)) {
    out.push(current);
    current = byId.get(current)!.parentId;
  }
  return out;
}

/**
 * Keeps the nodes whose name or short name contains `query`, together with their ancestors.
 * Returns the filtered forest and the ids to expand so every match is visible.
 */
export function filterForest(forest: OrgNode[], query: string): { forest: OrgNode[]; expand: string[] } {
  const q = query.trim().toLowerCase();
  if (!q) return { forest, expand: [] };
  const expand: string[] = [];
  const visit = (node: OrgNode): OrgNode | null => {
    const children = node.children.map(visit).filter((n): n is OrgNode => n !== null);
    const hit = node.org.name.toLowerCase().includes(q) || (node.org.shortName ?? '').toLowerCase().includes(q);
    if (!hit && children.length === 0) return null;
    if (children.length > 0) expand.push(node.org.id);
    return { org: node.org, children };
  };
  return { forest: forest.map(visit).filter((n): n is OrgNode => n !== null), expand };
}
