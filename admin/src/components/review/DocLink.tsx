// A link to a document in the editor (an in-app navigation unless a new tab is asked for).
import { href, navigate } from '../../router';

export function DocLink({ id, title }: { id: string; title: string }) {
  const path = `/documents?edit=${encodeURIComponent(id)}`;
  return (
    <a
      href={href(path)}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(path);
      }}
    >
      {title || '（无标题）'}
    </a>
  );
}
