// Page links for long lists: plain links (no JavaScript), the current page marked with aria-current.
type Props = { page: number; pageSize: number; total: number; href: (page: number) => string; label?: string };

/** The page numbers to show: the first, the last, and two either side of the current one; 0 marks a gap. */
export function pageWindow(page: number, last: number): number[] {
  const pages: number[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - page) <= 2) pages.push(p);
    else if (pages[pages.length - 1] !== 0) pages.push(0);
  }
  return pages;
}

export const lastPage = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

export function Pagination({ page, pageSize, total, href, label = '分页' }: Props) {
  const last = lastPage(total, pageSize);
  if (last <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <p className="pagination-summary">
        共 {total} 条，第 {page} / {last} 页
      </p>
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              上一页
            </a>
          </li>
        )}
        {pageWindow(page, last).map((p, i) =>
          p === 0 ? (
            <li key={`gap-${i}`} className="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <a href={href(p)} aria-current="page" aria-label={`第 ${p} 页（当前页）`}>
                  {p}
                </a>
              ) : (
                <a href={href(p)} aria-label={`第 ${p} 页`}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        {page < last && (
          <li>
            <a href={href(page + 1)} rel="next">
              下一页
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
