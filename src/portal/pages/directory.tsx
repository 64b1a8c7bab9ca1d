// 机构目录: every level down to townships and streets, with a name filter that works without JavaScript.
import type { PageContext } from '../context.ts';
import type { AreaSection, CitySection, Directory, Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { OrgList, orgHref } from '../components/org-list.tsx';

type Props = { ctx: PageContext; directory: Directory; query: string; parentName: (o: Org) => string | undefined };

export function DirectoryPage({ ctx, directory, query, parentName }: Props) {
  const title = query ? `机构目录：筛选“${query}”` : '机构目录';
  return (
    <Layout ctx={ctx} title={title} nav="directory" description="本市各级行政机关的机构目录与联系方式">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '机构目录' }]} />
      <h1>机构目录</h1>
      <p className="lead">按层级列出本市各级行政机关：市本级及市政府部门，各县（市、区）及其部门、乡镇和街道。选择机构名称可查看其基本信息和联系方式。</p>
      <form className="filter-form" action="/organisations" method="get" role="search" aria-label="筛选机构">
        <label htmlFor="directory-q">按名称筛选</label>
        <div className="filter-row">
          <input id="directory-q" name="q" type="search" defaultValue={query} maxLength={50} aria-describedby="directory-q-hint" />
          <button type="submit">筛选</button>
          {query && <a href="/organisations">清除筛选</a>}
        </div>
        <p id="directory-q-hint" className="hint">
          输入名称中的字词，如“夷陵”“街道”“教育”；也可输入行政区划代码的前几位数字。
        </p>
      </form>
      {query && (
        <p className="result-summary" role="status">
          {directory.matchCount > 0 ? `共有 ${directory.matchCount} 个机构符合“${query}”。` : `没有找到符合“${query}”的机构，请换个字词或清除筛选。`}
        </p>
      )}
      {directory.cities.map((c) => (
        <CityLevel key={c.city.id} section={c} filtered={query !== ''} />
      ))}
      {directory.deeper.length > 0 && (
        <section aria-labelledby="deeper-heading">
          <h2 id="deeper-heading">其他下级机构（{directory.deeper.length}）</h2>
          <OrgList orgs={directory.deeper} showParent={parentName} />
        </section>
      )}
    </Layout>
  );
}

function CityLevel({ section, filtered }: { section: CitySection; filtered: boolean }) {
  const { city, units, townships, areas } = section;
  const showCity = !filtered || section.cityMatches || units.length > 0 || townships.length > 0;
  return (
    <>
      {showCity && (
        <section className="level-section" aria-labelledby={`city-${city.id}`} data-kind="city">
          <h2 id={`city-${city.id}`}>
            <a href={orgHref(city)}>{city.name}</a>（市本级）
          </h2>
          {units.length > 0 && (
            <>
              <h3>市政府部门（{units.length}）</h3>
              <OrgList orgs={units} />
            </>
          )}
          {townships.length > 0 && (
            <>
              <h3>市直管乡镇、街道（{townships.length}）</h3>
              <OrgList orgs={townships} />
            </>
          )}
        </section>
      )}
      {areas.length > 0 && (
        <section className="level-section" id={`areas-${city.id}`} aria-labelledby={`areas-heading-${city.id}`}>
          <h2 id={`areas-heading-${city.id}`}>县（市、区）（{areas.length}）</h2>
          {areas.length > 1 && (
            <nav aria-label="县（市、区）索引">
              <ul className="jump-list">
                {areas.map((a) => (
                  <li key={a.area.id}>
                    <a href={`#area-${a.area.id}`}>{a.area.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {areas.map((a) => (
            <Area key={a.area.id} section={a} />
          ))}
        </section>
      )}
    </>
  );
}

function Area({ section }: { section: AreaSection }) {
  const { area, units, townships } = section;
  return (
    <section className="area-section" id={`area-${area.id}`} aria-labelledby={`area-heading-${area.id}`} data-kind="county">
      <h3 id={`area-heading-${area.id}`}>
        <a href={orgHref(area)}>{area.name}</a>
      </h3>
      {units.length > 0 && (
        <>
          <h4>政府部门（{units.length}）</h4>
          <OrgList orgs={units} />
        </>
      )}
      {townships.length > 0 && (
        <>
          <h4>乡镇、街道（{townships.length}）</h4>
          <OrgList orgs={townships} />
        </>
      )}
    </section>
  );
}
