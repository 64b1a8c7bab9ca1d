// 营商环境"不满意"线索 on the portal: the reporting form, its receipt, and the monthly statistics (counts only).
import type { PageContext } from '../context.ts';
import { CsrfField } from '../components/form-fields.tsx';
import { Breadcrumbs, Layout } from '../layout.tsx';
import type { Org } from '../directory.ts';
import type { FeedbackReceipt, PublicStats } from '../../modules/feedback/index.ts';

export type FeedbackForm = { category: string; orgId: string; description: string; name: string; company: string; phone: string; email: string };
type FormProps = { ctx: PageContext; form: FeedbackForm; categories: string[]; departments: Org[]; errors: Record<string, string>; message: string | null; replyDays: number; csrf?: string };

const crumbs = (label: string) => [{ label: '首页', href: '/' }, { label: '营商环境问题反映', href: '/feedback' }, { label }];

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p className="field-error" id={id}>{error}</p> : null;
}

export function FeedbackFormPage({ ctx, form, categories, departments, errors, message, replyDays, csrf }: FormProps) {
  const err = (k: string) => (errors[k] ? { 'aria-invalid': true as const, 'aria-describedby': `fb-${k}-error` } : {});
  return (
    <Layout ctx={ctx} title="营商环境问题反映" nav="interaction" canonical="/feedback">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '营商环境问题反映' }]} />
      <h1>营商环境问题反映</h1>
      <p className="lead">
        企业在办事过程中遇到不满意的情况，可在此反映。线索转交涉及的部门，{replyDays} 个工作日内答复。联系方式选填，仅用于答复，不会公开。
        各部门按月的办理情况见<a href="/feedback/stats">办理情况统计</a>。
      </p>
      {message && <p className="banner" role="alert">{message}</p>}
      {Object.keys(errors).length > 0 && !message && <p className="banner" role="alert">提交的内容有误，请按提示修改。</p>}
      <form className="ask-form" action="/feedback" method="post" noValidate>
        {csrf && <CsrfField token={csrf} />}
        <div className="form-field">
          <label htmlFor="fb-category">问题类别（必填）</label>
          <select id="fb-category" name="category" defaultValue={form.category} {...err('category')}>
            <option value="">请选择</option>
            {categories.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <FieldError id="fb-category-error" error={errors.category} />
        </div>
        <div className="form-field">
          <label htmlFor="fb-orgId">涉及部门（必填）</label>
          <select id="fb-orgId" name="orgId" defaultValue={form.orgId} {...err('orgId')}>
            <option value="">请选择</option>
            {departments.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          <FieldError id="fb-orgId-error" error={errors.orgId} />
        </div>
        <div className="form-field">
          <label htmlFor="fb-description">问题描述（必填，2000 字以内）</label>
          <textarea id="fb-description" name="description" rows={6} defaultValue={form.description} {...err('description')} />
          <FieldError id="fb-description-error" error={errors.description} />
        </div>
        <fieldset className="form-fieldset">
          <legend>联系方式（选填，不公开）</legend>
          {(
            [
              ['company', '企业名称', 'text', 'organization'],
              ['name', '联系人', 'text', 'name'],
              ['phone', '手机号码', 'tel', 'tel'],
              ['email', '电子邮箱', 'email', 'email'],
            ] as const
          ).map(([key, label, type, auto]) => (
            <div className="form-field" key={key}>
              <label htmlFor={`fb-${key}`}>{label}</label>
              <input id={`fb-${key}`} name={key} type={type} autoComplete={auto} maxLength={key === 'email' ? 254 : 100} defaultValue={form[key]} {...err(key)} />
              <FieldError id={`fb-${key}-error`} error={errors[key]} />
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit">提交</button>
        </p>
      </form>
    </Layout>
  );
}

export function FeedbackReceiptPage({ ctx, receipt }: { ctx: PageContext; receipt: FeedbackReceipt }) {
  return (
    <Layout ctx={ctx} title="问题已提交" nav="interaction">
      <Breadcrumbs items={crumbs('问题已提交')} />
      <h1>问题已提交</h1>
      <div className="notice" role="status">
        <p>
          线索编号 <strong>{receipt.trackingNo}</strong>，已转交<strong>{receipt.orgName}</strong>办理，答复期限为 <strong>{receipt.dueOn}</strong>。
        </p>
        <p>如留有联系方式，答复后将通知您。</p>
      </div>
      <p><a href="/feedback/stats">查看办理情况统计</a></p>
    </Layout>
  );
}

export function FeedbackStatsPage({ ctx, stats }: { ctx: PageContext; stats: PublicStats }) {
  const rate = (a: number, b: number) => (b ? `${Math.round((a / b) * 1000) / 10}%` : '—');
  return (
    <Layout ctx={ctx} title={`营商环境问题办理情况（${stats.month}）`} nav="interaction" canonical={`/feedback/stats?month=${stats.month}`}>
      <Breadcrumbs items={crumbs('办理情况统计')} />
      <h1>营商环境问题办理情况</h1>
      <p className="lead">按月统计企业反映的问题数量和各部门按期答复情况。统计只含数量，不含企业名称、联系人或问题内容。</p>
      <form className="filter-form" action="/feedback/stats" method="get">
        <div className="filter-fields">
          <div className="field">
            <label htmlFor="stats-month">统计月份</label>
            <select id="stats-month" name="month" defaultValue={stats.month}>
              {(stats.months.includes(stats.month) ? stats.months : [stats.month, ...stats.months]).map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          </div>
          <div className="field field-actions"><button type="submit">查看</button></div>
        </div>
      </form>
      <ul className="stats">
        <li><span className="stat-value">{stats.totals.received}</span><span className="stat-label">收到线索</span></li>
        <li><span className="stat-value">{stats.totals.replied}</span><span className="stat-label">已答复</span></li>
        <li><span className="stat-value">{rate(stats.totals.onTime, stats.totals.replied)}</span><span className="stat-label">按期答复率</span></li>
      </ul>
      {stats.rows.length === 0 ? (
        <p className="empty-list">{stats.month} 暂无线索。</p>
      ) : (
        <table className="figures">
          <caption>{stats.month} 各部门、各类别线索办理情况</caption>
          <thead>
            <tr><th scope="col">部门</th><th scope="col">类别</th><th scope="col">收到</th><th scope="col">已答复</th><th scope="col">按期答复</th></tr>
          </thead>
          <tbody>
            {stats.rows.map((r) => (
              <tr key={`${r.orgId}-${r.category}`}>
                <th scope="row">{r.orgName}</th><td>{r.category}</td><td className="num">{r.received}</td><td className="num">{r.replied}</td><td className="num">{r.onTime}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p><a href="/feedback">反映营商环境问题</a></p>
    </Layout>
  );
}
