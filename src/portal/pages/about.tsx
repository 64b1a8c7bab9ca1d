// 关于本网: site identity and the accessibility / 适老化 statement.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';

export function AboutPage({ ctx }: { ctx: PageContext }) {
  const { site } = ctx;
  return (
    <Layout ctx={ctx} title="关于本网">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '关于本网' }]} />
      <h1>关于本网</h1>
      <section aria-labelledby="about-site">
        <h2 id="about-site">网站信息</h2>
        <dl className="facts">
          <div className="fact-row">
            <dt>网站名称</dt>
            <dd>{site.name}</dd>
          </div>
          <div className="fact-row">
            <dt>主办单位</dt>
            <dd>{site.organizer}</dd>
          </div>
          {site.siteCode && (
            <div className="fact-row">
              <dt>网站标识码</dt>
              <dd>{site.siteCode}</dd>
            </div>
          )}
          {site.icp && (
            <div className="fact-row">
              <dt>ICP备案号</dt>
              <dd>{site.icp}</dd>
            </div>
          )}
          {site.psb && (
            <div className="fact-row">
              <dt>公安机关备案号</dt>
              <dd>{site.psb}</dd>
            </div>
          )}
        </dl>
      </section>
      <section aria-labelledby="accessibility">
        <h2 id="accessibility">无障碍与适老化服务</h2>
        <p>本网按照《互联网网站适老化通用设计规范》和 GB/T 37668《信息技术 互联网内容无障碍可访问性技术要求与测试方法》建设，页面无广告、无弹窗。</p>
        <ul className="link-list">
          <li>
            <strong>大字：</strong>页面顶部“字号”可选择标准字号、大字或特大字，整页文字和版面同步放大。
          </li>
          <li>
            <strong>高对比：</strong>“配色”选择高对比后，页面改为黑底白字、黄色链接。
          </li>
          <li>
            <strong>记住设置：</strong>您的选择保存在本浏览器中（一年有效），换页和下次访问时继续生效。
          </li>
          <li>
            <strong>全键盘操作：</strong>按 Tab 键依次移动到链接和输入框，按 Enter 键打开；每页第一个链接“跳至主要内容”可跳过页头和导航。
          </li>
          <li>
            <strong>无需脚本：</strong>浏览器关闭 JavaScript 时，所有页面和设置同样可用。
          </li>
        </ul>
      </section>
    </Layout>
  );
}
