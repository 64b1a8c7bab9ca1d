// Dictionaries and 三同步 rules are platform-wide: a system administrator or the openness office at the root
// manages them (mirrors src/modules/review/review.policy.ts; the server still decides).
import { useAuth } from '../../auth';
import { useOrgTree } from '../useOrgTree';

export function useCanManageReviewSettings(): boolean {
  const { user } = useAuth();
  const { items } = useOrgTree();
  const roots = new Set(items.filter((o) => o.parentId === null).map((o) => o.id));
  return user.roles.some((g) => (g.role === 'sysadmin' || g.role === 'office_admin') && roots.has(g.organisationId));
}
