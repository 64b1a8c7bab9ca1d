// The HTML shell every portal page shares: skip link, 适老化 toolbar, header with search, main navigation,
// <main id="main">, footer. Preferences become classes on <html>.
import type { ReactNode } from 'react';
import type { PageContext } from './context.ts';
import { prefsClassName } from './prefs.ts';
import { assetUrl } from './assets.ts';
import { PrefsToolbar } from './components/prefs-toolbar.tsx';
import { SiteFooter } from './components/site-footer.tsx';
import { NORMATIVE_HREF, OPENNESS_HREF } from './urls.ts';

export type NavKey = 'home' | 'openness' | 'directory' | 'policies' | 'requests' | 'interaction';

/** The public-participation pages, gathered on the home page's 互动交流 card and in the site map. */
export const interactionLinks: { label: string; href: string; text: string }[] = [
  { label: '意见征集', href: '/consultations', text: '对规章、规范性文件和重大行政决策草案提出意见，查看采纳情况' },
  { label: '政策问答', href: '/qa', text: '查阅政策解答，向政策制定部门提问' },
  { label: '营商环境问题反映', href: '/feedback', text: '企业反映营商环境“不满意”问题，查看按月统计' },
  { label: '重大会议', href: '/meetings', text: '政府常务会议、全体会议的通稿、议定事项和开放情况' },
  { label: '重大行政决策事项目录', href: '/decisions', text: '年度决策事项及其法定程序' },
];

/** 互动交流: the hub page of the participation pages (pages/interaction.tsx). */
export const INTERACTION_HREF = '/interaction';

export const mainNav: { key: NavKey; label: string; href: string }[] = [
  { key: 'home', label: '首页', href: '/' },
  { key: 'openness', label: '政府信息公开', href: OPENNESS_HREF },
  { key: 'directory', label: '机构目录', href: '/organisations' },
  { key: 'policies', label: '政策文件', href: NORMATIVE_HREF },
  { key: 'requests', label: '依申请公开', href: '/requests' },
  { key: 'interaction', label: '互动交流', href: INTERACTION_HREF },
];

export type FeedRef = { title: string; href: string };

type LayoutProps = {
  ctx: PageContext;
  title: string;
  nav?: NavKey;
  description?: string;
  /** Path of the page's canonical URL; made absolute with the site's origin. */
  canonical?: string;
  /** Atom feeds announced with <link rel="alternate">. */
  feeds?: FeedRef[];
  children: ReactNode;
};

export function Layout({ ctx, title, nav, description, canonical, feeds = [], children }: LayoutProps) {
  const { site } = ctx;
  const fullTitle = title === site.name ? site.name : `${title} - ${site.name}`;
  return (
    <html lang="zh-CN" className={prefsClassName(ctx.prefs)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description && <meta name="description" content={description} />}
        {canonical && <link rel="canonical" href={`${ctx.origin}${canonical}`} />}
        {feeds.map((f) => (
          <link key={f.href} rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
        <link rel="stylesheet" href={assetUrl('portal.css')} />
        <script src={assetUrl('portal.js')} defer />
      </head>
      <body>
        <a className="skip-link" href="#main">
          跳至主要内容
        </a>
        <header className="site-header">
          <PrefsToolbar prefs={ctx.prefs} returnTo={ctx.url} />
          <div className="header-band">
            <div className="container header-inner">
              <a className="site-name" href="/">
                {site.name}
              </a>
              <form className="site-search" role="search" aria-label="站内搜索" action="/search" method="get">
                <label htmlFor="site-search-q">站内搜索</label>
                <input id="site-search-q" type="search" name="q" maxLength={100} placeholder="搜索机构、文件" />
                <button type="submit">搜索</button>
              </form>
            </div>
          </div>
          <nav className="main-nav" aria-label="主导航">
            <ul className="container">
              {mainNav.map((item) => (
                <li key={item.key}>
                  <a href={item.href} aria-current={item.key === nav ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <SiteFooter site={site} />
      </body>
    </html>
  );
}

/** A breadcrumb trail; the last item is the current page. */
export function Breadcrumbs({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav className="breadcrumbs" aria-label="当前位置">
      <ol>
        {items.map((item, i) => (
          <li key={i}>{item.href && i < items.length - 1 ? <a href={item.href}>{item.label}</a> : <span aria-current="page">{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
