// A list of organisation links; data-kind lets tests and styles find each level.
import type { Org } from '../directory.ts';

export const orgHref = (o: Org) => `/organisations/${encodeURIComponent(o.id)}`;

export function OrgList({ orgs, showParent }: { orgs: Org[]; showParent?: (o: Org) => string | undefined }) {
  return (
    <ul className="org-list">
      {orgs.map((o) => {
        const parent = showParent?.(o);
        return (
          <li key={o.id} data-kind={o.kind}>
            <a href={orgHref(o)}>{o.name}</a>
            {parent && <span className="org-parent">（{parent}）</span>}
          </li>
        );
      })}
    </ul>
  );
}
