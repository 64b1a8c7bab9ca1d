// 政策问答 on the portal: the published knowledge base (search, paging), one Q&A, the question form and its receipt.
// Only published Q&As are ever shown; the asker's name and contact never appear on a public page.
import type { PageContext } from '../context.ts';
import { CsrfField } from '../components/form-fields.tsx';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { beijingDate } from '../format.ts';
import { documentHref, withQuery } from '../urls.ts';
import { Pagination } from '../components/pagination.tsx';
import type { AskReceipt, PublicQa } from '../../modules/qa/index.ts';
import type { Org } from '../directory.ts';

const crumbs = (last?: string) => [{ label: '首页', href: '/' }, { label: '政策问答', href: '/qa' }, ...(last ? [{ label: last }] : [])];

type ListProps = { ctx: PageContext; q: string; audience: string; items: PublicQa[]; total: number; page: number; pageSize: number };

export function QaListPage({ ctx, q, audience, items, total, page, pageSize }: ListProps) {
  return (
    <Layout ctx={ctx} title="政策问答" nav="interaction" canonical="/qa" description="政策制发部门对公众和企业所提政策问题的答复">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '政策问答' }]} />
      <h1>政策问答</h1>
      <p className="lead">
        汇集各部门对政策文件的解答。没有找到答案？可以<a href="/qa/ask">在线提问</a>，问题经审核后转交政策制发部门答复。
      </p>
      <form className="filter-form" action="/qa" method="get" role="search" aria-label="搜索政策问答">
        <div className="filter-fields">
          <div className="field search-field-q">
            <label htmlFor="qa-q">关键词</label>
            <input id="qa-q" name="q" type="search" defaultValue={q} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="qa-audience">面向对象</label>
            <select id="qa-audience" name="audience" defaultValue={audience}>
              <option value="">全部</option>
              <option value="citizen">公众</option>
              <option value="enterprise">企业</option>
            </select>
          </div>
          <div className="field field-actions">
            <button type="submit">查询</button>
          </div>
        </div>
      </form>
      {items.length === 0 ? (
        <p className="empty-list">{q ? `没有与“${q}”相关的问答。` : '暂无已公开的问答。'}</p>
      ) : (
        <ul className="qa-list">
          {items.map((item) => (
            <li key={item.id}>
              <h2 className="qa-list-title">
                <a href={item.url}>{item.title}</a>
              </h2>
              <p className="hint">
                {item.orgName} · {item.audienceName} · <time dateTime={beijingDate(item.publishedAt)!}>{beijingDate(item.publishedAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => withQuery('/qa', { q, audience, page: p > 1 ? String(p) : '' })} />
    </Layout>
  );
}

export function QaItemPage({ ctx, item }: { ctx: PageContext; item: PublicQa }) {
  return (
    <Layout ctx={ctx} title={item.title} nav="interaction" canonical={item.url} description={item.question.slice(0, 100)}>
      <Breadcrumbs items={crumbs(item.title)} />
      <article className="qa-item" aria-labelledby="qa-title">
        <h1 id="qa-title">{item.title}</h1>
        <dl className="facts">
          <div className="fact-row"><dt>答复部门</dt><dd>{item.orgName}</dd></div>
          <div className="fact-row"><dt>面向对象</dt><dd>{item.audienceName}</dd></div>
          {item.topic && <div className="fact-row"><dt>主题</dt><dd>{item.topic}</dd></div>}
          <div className="fact-row"><dt>发布日期</dt><dd><time dateTime={beijingDate(item.publishedAt)!}>{beijingDate(item.publishedAt)}</time></dd></div>
        </dl>
        <section aria-labelledby="qa-question-heading">
          <h2 id="qa-question-heading">问题</h2>
          <p className="qa-text">{item.question}</p>
        </section>
        <section aria-labelledby="qa-answer-heading">
          <h2 id="qa-answer-heading">答复</h2>
          <p className="qa-text">{item.answer}</p>
        </section>
        {item.documents.length > 0 && (
          <section aria-labelledby="qa-docs-heading">
            <h2 id="qa-docs-heading">相关政策文件</h2>
            <ul className="link-list">
              {item.documents.map((d) => (
                <li key={d.id}><a href={documentHref(d)}>{d.title}</a></li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </Layout>
  );
}

export type AskForm = { documentId: string; documentTitle: string | null; orgId: string; title: string; question: string; audience: string; name: string; phone: string; email: string };
type AskProps = { ctx: PageContext; form: AskForm; departments: Org[]; errors: Record<string, string>; message: string | null; answerDays: number; csrf?: string };

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p className="field-error" id={id}>{error}</p> : null;
}

export function QaAskPage({ ctx, form, departments, errors, message, answerDays, csrf }: AskProps) {
  const err = (k: string) => (errors[k] ? { 'aria-invalid': true as const, 'aria-describedby': `ask-${k}-error` } : {});
  return (
    <Layout ctx={ctx} title="我要提问" nav="interaction" canonical="/qa/ask">
      <Breadcrumbs items={crumbs('我要提问')} />
      <h1>我要提问</h1>
      <p className="lead">问题经审核后转交政策制发部门，一般在 {answerDays} 个工作日内答复。部门可选择将问题与答复公开在政策问答中；您的姓名和联系方式不会公开，仅用于通知答复结果。</p>
      {message && <p className="banner" role="alert">{message}</p>}
      {Object.keys(errors).length > 0 && !message && <p className="banner" role="alert">提交的内容有误，请按提示修改。</p>}
      <form className="ask-form" action="/qa/ask" method="post" noValidate>
        {csrf && <CsrfField token={csrf} />}
        {form.documentId ? (
          <p>
            <input type="hidden" name="documentId" value={form.documentId} />
            所咨询的政策：<strong>{form.documentTitle ?? '（文件）'}</strong>
          </p>
        ) : (
          <div className="form-field">
            <label htmlFor="ask-orgId">咨询部门（必填）</label>
            <select id="ask-orgId" name="orgId" defaultValue={form.orgId} {...err('orgId')}>
              <option value="">请选择</option>
              {departments.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
            <FieldError id="ask-orgId-error" error={errors.orgId} />
          </div>
        )}
        <div className="form-field">
          <label htmlFor="ask-title">标题（选填，100 字以内）</label>
          <input id="ask-title" name="title" type="text" maxLength={100} defaultValue={form.title} {...err('title')} />
          <FieldError id="ask-title-error" error={errors.title} />
        </div>
        <div className="form-field">
          <label htmlFor="ask-question">问题（必填，2000 字以内）</label>
          <textarea id="ask-question" name="question" rows={6} defaultValue={form.question} {...err('question')} />
          <FieldError id="ask-question-error" error={errors.question} />
        </div>
        <div className="form-field">
          <label htmlFor="ask-audience">您的身份</label>
          <select id="ask-audience" name="audience" defaultValue={form.audience}>
            <option value="citizen">个人</option>
            <option value="enterprise">企业</option>
          </select>
        </div>
        <fieldset className="form-fieldset">
          <legend>联系方式（选填，不公开，仅用于通知答复）</legend>
          <div className="form-field">
            <label htmlFor="ask-name">姓名</label>
            <input id="ask-name" name="name" type="text" maxLength={50} autoComplete="name" defaultValue={form.name} {...err('name')} />
            <FieldError id="ask-name-error" error={errors.name} />
          </div>
          <div className="form-field">
            <label htmlFor="ask-phone">手机号码</label>
            <input id="ask-phone" name="phone" type="tel" maxLength={20} autoComplete="tel" defaultValue={form.phone} {...err('phone')} />
            <FieldError id="ask-phone-error" error={errors.phone} />
          </div>
          <div className="form-field">
            <label htmlFor="ask-email">电子邮箱</label>
            <input id="ask-email" name="email" type="email" maxLength={254} autoComplete="email" defaultValue={form.email} {...err('email')} />
            <FieldError id="ask-email-error" error={errors.email} />
          </div>
        </fieldset>
        <p>
          <button type="submit">提交问题</button>
        </p>
      </form>
    </Layout>
  );
}

export function QaReceiptPage({ ctx, receipt }: { ctx: PageContext; receipt: AskReceipt }) {
  return (
    <Layout ctx={ctx} title="问题已提交" nav="interaction">
      <Breadcrumbs items={crumbs('问题已提交')} />
      <h1>问题已提交</h1>
      <div className="notice" role="status">
        <p>
          您的问题已于 {receipt.receivedOn} 收到，审核后将转交<strong>{receipt.orgName}</strong>答复，答复期限为 <strong>{receipt.dueOn}</strong>。
        </p>
        <p>问题在审核和答复前不会公开。如留有联系方式，答复后将通知您。</p>
      </div>
      <p>
        <a href="/qa">返回政策问答</a>
      </p>
    </Layout>
  );
}
