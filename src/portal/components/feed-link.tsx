// A visible link to a list's Atom feed (the <link rel="alternate"> in the head is for feed readers).
export function FeedLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="feed-link">
      <a href={href} type="application/atom+xml">
        {label}
      </a>
      <span className="hint">（Atom 格式，可用订阅工具接收更新）</span>
    </p>
  );
}
