// One organisation: what it is, where it sits, how to contact it, and the units under it.
import type { ReactNode } from 'react';
import type { ContactDto } from '../../shared/schemas/organisations.ts';
import type { PageContext } from '../context.ts';
import { kindLabels, type Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { OrgList, orgHref } from '../components/org-list.tsx';
import { feedHrefs, xxgkHref } from '../urls.ts';

type Props = { ctx: PageContext; org: Org; ancestors: Org[]; children: Org[] };

const childGroups: { kinds: string[]; label: string }[] = [
  { kinds: ['department'], label: '政府部门' },
  { kinds: ['institution'], label: '事业单位' },
  { kinds: ['county'], label: '县（市、区）' },
  { kinds: ['township'], label: '乡镇、街道' },
  { kinds: ['village'], label: '村、社区' },
];

const contactRows: { key: keyof ContactDto; label: string }[] = [
  { key: 'officeName', label: '信息公开工作机构' },
  { key: 'address', label: '办公地址' },
  { key: 'postcode', label: '邮政编码' },
  { key: 'phone', label: '联系电话' },
  { key: 'fax', label: '传真' },
  { key: 'email', label: '电子邮箱' },
  { key: 'website', label: '网站' },
  { key: 'officeHours', label: '办公时间' },
];

function ContactValue({ field, value }: { field: keyof ContactDto; value: string }) {
  if (field === 'email') return <a href={`mailto:${value}`}>{value}</a>;
  if (field === 'website' && /^https?:\/\//i.test(value)) return <a href={value}>{value}</a>;
  if (field === 'phone' && /^[\d\s()+-]{5,}$/.test(value)) return <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a>;
  return <>{value}</>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function OrganisationPage({ ctx, org, ancestors, children }: Props) {
  const parent = ancestors[ancestors.length - 1];
  const contacts = contactRows.filter((r) => org.contact[r.key]);
  const groups = childGroups.map((g) => ({ ...g, orgs: children.filter((c) => g.kinds.includes(c.kind)) })).filter((g) => g.orgs.length);
  return (
    <Layout ctx={ctx} title={org.name} nav="directory" description={`${org.name}的机构信息和联系方式`} canonical={orgHref(org)} feeds={[{ title: `${org.name}最新信息`, href: feedHrefs.organisation(org.id) }]}>
      <Breadcrumbs
        items={[
          { label: '首页', href: '/' },
          { label: '机构目录', href: '/organisations' },
          ...ancestors.map((a) => ({ label: a.name, href: orgHref(a) })),
          { label: org.name },
        ]}
      />
      <h1>{org.name}</h1>
      <p className="org-actions">
        <a className="button-link" href={xxgkHref(org.id)}>
          {org.name}政府信息公开
        </a>
        <a href={feedHrefs.organisation(org.id)} type="application/atom+xml">
          订阅最新信息
        </a>
      </p>
      <section aria-labelledby="org-facts">
        <h2 id="org-facts">基本信息</h2>
        <dl className="facts">
          <Fact label="机构类型">{kindLabels[org.kind] ?? org.kind}</Fact>
          {org.shortName && <Fact label="简称">{org.shortName}</Fact>}
          {org.divisionCode && <Fact label="行政区划代码">{org.divisionCode}</Fact>}
          <Fact label="上级机构">{parent ? <a href={orgHref(parent)}>{parent.name}</a> : '无（最高层级）'}</Fact>
        </dl>
      </section>
      <section aria-labelledby="org-contact">
        <h2 id="org-contact">联系方式</h2>
        {contacts.length ? (
          <dl className="facts">
            {contacts.map((r) => (
              <Fact key={r.key} label={r.label}>
                <ContactValue field={r.key} value={org.contact[r.key]!} />
              </Fact>
            ))}
          </dl>
        ) : (
          <p>该机构暂未公布联系方式。</p>
        )}
      </section>
      <section aria-labelledby="org-children">
        <h2 id="org-children">下级机构（{children.length}）</h2>
        {groups.length === 0 && <p>该机构没有下级机构。</p>}
        {groups.map((g) => (
          <div key={g.label}>
            <h3>
              {g.label}（{g.orgs.length}）
            </h3>
            <OrgList orgs={g.orgs} />
          </div>
        ))}
      </section>
    </Layout>
  );
}
