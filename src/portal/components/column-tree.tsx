// An organisation's disclosure catalog (信息公开目录) as nested lists. Columns with published documents link to
// their page; empty ones are listed as plain text so the whole catalog stays visible without dead ends.
import type { ColumnNode } from '../publishing.ts';
import { columnHref, GUIDE_COLUMN_CODE, guideHref } from '../urls.ts';

const Count = ({ total }: { total: number }) => <span className="count">{total ? `（${total} 条）` : '（暂无信息）'}</span>;

function Node({ node }: { node: ColumnNode }) {
  if (node.code === GUIDE_COLUMN_CODE) {
    return (
      <li>
        <a href={guideHref(node.organisationId)}>{node.name}</a>
        {node.total > 0 && (
          <>
            {' '}
            <a href={columnHref(node.id)} className="count">{`（历次指南 ${node.total} 条）`}</a>
          </>
        )}
      </li>
    );
  }
  return (
    <li className={node.total ? undefined : 'column-empty'}>
      {node.total ? <a href={columnHref(node.id)}>{node.name}</a> : <span>{node.name}</span>}
      <Count total={node.total} />
      {node.children.length > 0 && <ColumnList nodes={node.children} />}
    </li>
  );
}

export function ColumnList({ nodes }: { nodes: ColumnNode[] }) {
  return (
    <ul className={nodes.every((n) => n.children.length === 0) ? 'column-tree column-grid' : 'column-tree'}>
      {nodes.map((n) => (
        <Node key={n.id} node={n} />
      ))}
    </ul>
  );
}

/** Each top-level column (政府信息公开, 重点领域信息公开, 基层政务公开 …) as a section with its own heading. */
export function CatalogTree({ roots }: { roots: ColumnNode[] }) {
  if (roots.length === 0) return <p>该机构尚未设置信息公开目录。</p>;
  return (
    <>
      {roots.map((root) => (
        <section key={root.id} className="catalog-section" aria-labelledby={`catalog-${root.id}`}>
          <h3 id={`catalog-${root.id}`}>
            {root.total ? <a href={columnHref(root.id)}>{root.name}</a> : root.name}
            <Count total={root.total} />
          </h3>
          {root.children.length > 0 && <ColumnList nodes={root.children} />}
        </section>
      ))}
    </>
  );
}
