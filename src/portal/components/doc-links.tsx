// Links to other published documents, grouped by their label (相关解读 on a policy, 解读 on an interpretation,
// 修改 / 被修改, 废止 / 被废止 …). The service already leaves out documents that are not published.
import type { DocumentLink } from '../types.ts';
import { documentHref } from '../urls.ts';

/** Groups in the order labels first appear, each label once. */
export function groupLinks(links: DocumentLink[]): { label: string; links: DocumentLink[] }[] {
  const groups = new Map<string, DocumentLink[]>();
  for (const l of links) groups.set(l.label, [...(groups.get(l.label) ?? []), l]);
  return [...groups].map(([label, list]) => ({ label, links: list }));
}

/** `origin` gives printed pages the full address of each linked document. */
export function DocLinks({ links, origin }: { links: DocumentLink[]; origin: string }) {
  if (links.length === 0) return null;
  return (
    <section className="doc-links" aria-labelledby="doc-links-heading">
      <h2 id="doc-links-heading">关联文件</h2>
      {groupLinks(links).map((g, i) => (
        <div key={g.label} className="link-group" data-label={g.label}>
          <h3 id={`link-group-${i}`}>{g.label}</h3>
          <ul className="link-list" aria-labelledby={`link-group-${i}`}>
            {g.links.map((l) => (
              <li key={l.id}>
                <a href={documentHref(l.document)} data-print-url={`${origin}${documentHref(l.document)}`}>
                  {l.document.title}
                </a>
                {l.document.docNo && <span className="doc-no">（{l.document.docNo}）</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
