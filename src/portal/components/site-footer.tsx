// Footer identity block (《政府网站发展指引》): 主办单位 always; 网站标识码, ICP and 公安备案号 when configured.
import type { SiteInfo } from '../context.ts';

export function SiteFooter({ site }: { site: SiteInfo }) {
  const psbDigits = site.psb.match(/\d{8,}/)?.[0];
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label="页脚导航">
          <ul className="footer-links">
            <li>
              <a href="/about">关于本网</a>
            </li>
            <li>
              <a href="/sitemap">网站地图</a>
            </li>
            <li>
              <a href="/about#accessibility">无障碍说明</a>
            </li>
            <li>
              <a href="/ledger">发布存证</a>
            </li>
          </ul>
        </nav>
        <ul className="footer-identity">
          <li>主办单位：{site.organizer}</li>
          {site.siteCode && <li>网站标识码：{site.siteCode}</li>}
          {site.icp && (
            <li>
              <a href="https://beian.miit.gov.cn/">{site.icp}</a>
            </li>
          )}
          {site.psb && (
            <li>
              <a href={psbDigits ? `https://beian.mps.gov.cn/#/query/webSearch?code=${psbDigits}` : 'https://beian.mps.gov.cn/'}>{site.psb}</a>
            </li>
          )}
        </ul>
      </div>
    </footer>
  );
}
