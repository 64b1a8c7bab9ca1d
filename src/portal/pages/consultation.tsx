// One consultation: what is asked and until when, the 起草说明, the draft article by article with the number of
// published comments on each, the published comments, the comment form while open, and the way to the result.
import type { PageContext } from '../context.ts';
import { CsrfField } from '../components/form-fields.tsx';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { Pagination } from '../components/pagination.tsx';
import { withQuery } from '../urls.ts';
import { CONSULTATIONS_HREF, consultationHref } from './consultations.tsx';
import { anchorLabel, type ArticleView, type ConsultationView, type PublicComment } from '../../modules/consultations/index.ts';

export type CommentFormState = {
  values: Record<string, string>;
  errors: { path: string; message: string }[];
  message: string | null;
  notice: string | null;
};

type Props = {
  ctx: PageContext;
  view: ConsultationView;
  comments: { items: PublicComment[]; total: number; page: number; pageSize: number };
  anchor: string;
  form: CommentFormState;
  verifyRequired: boolean;
  /** The session's CSRF token when the visitor is also signed in (staff); anonymous visitors need none. */
  csrf?: string;
};

const paragraphsOf = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

function Article({ a, id, open, level }: { a: ArticleView; id: string; open: boolean; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <section className="draft-article" id={`art-${a.key}`} aria-labelledby={`art-${a.key}-h`}>
      <Heading id={`art-${a.key}-h`}>{a.label}</Heading>
      {a.paragraphs.map((p, i) => (
        <p key={i} className="draft-paragraph">
          {p.split('\n').map((line, j) => (
            <span key={j} className="draft-line">
              {line}
            </span>
          ))}
        </p>
      ))}
      <p className="article-actions">
        <a href={`${withQuery(consultationHref(id), { anchor: a.key })}#comments`}>{`本条已公开意见 ${a.commentCount} 条`}</a>
        {open && <a href={`${withQuery(consultationHref(id), { anchor: a.key })}#comment-form`}>{`对${a.label}提出意见`}</a>}
      </p>
    </section>
  );
}

function anchorOptions(view: ConsultationView) {
  const out = [{ value: '', label: '总体意见（针对草案全文）' }];
  for (const a of view.articles) {
    out.push({ value: a.key, label: a.label });
    if (a.paragraphs.length > 1) a.paragraphs.forEach((_, i) => out.push({ value: `${a.key}.${i + 1}`, label: anchorLabel(`${a.key}.${i + 1}`) }));
  }
  return out;
}

function CommentForm({ view, form, verifyRequired, anchor, csrf }: { view: ConsultationView; form: CommentFormState; verifyRequired: boolean; anchor: string; csrf?: string }) {
  const v = form.values;
  const err = (path: string) => form.errors.filter((e) => e.path === path).map((e) => e.message).join('；');
  const described = (path: string, hint?: string) => [err(path) ? `${path}-error` : '', hint ? `${path}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const field = (path: string) => (err(path) ? <p id={`${path}-error`} className="field-error">{err(path)}</p> : null);
  const action = consultationHref(view.id);
  return (
    <section aria-labelledby="comment-form-h" id="comment-form">
      <h2 id="comment-form-h">提交意见</h2>
      {form.notice && (
        <p className="notice" role="status">
          {form.notice}
        </p>
      )}
      {form.message && (
        <div className="form-errors" role="alert">
          <p>{form.message}</p>
        </div>
      )}
      <form method="post" action={`${action}/comment#comment-form`} className="comment-form" noValidate>
        {csrf && <CsrfField token={csrf} />}
        <p className="hint">您的意见经审核后公开；姓名和联系方式仅供征集单位联系您，不会公开。请勿在意见中填写身份证号码等个人信息。</p>
        <div className="form-field">
          <label htmlFor="c-anchor">意见针对</label>
          <select id="c-anchor" name="anchor" defaultValue={v.anchor ?? anchor} aria-describedby={described('anchor')}>
            {anchorOptions(view).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {field('anchor')}
        </div>
        <div className="form-field">
          <label htmlFor="c-text">意见内容（必填，5–5000 字）</label>
          <textarea id="c-text" name="text" rows={8} maxLength={5000} required defaultValue={v.text ?? ''} aria-invalid={err('text') ? true : undefined} aria-describedby={described('text')} />
          {field('text')}
        </div>
        <div className="form-field">
          <label htmlFor="c-name">姓名或称呼（选填，不公开）</label>
          <input id="c-name" type="text" name="name" maxLength={50} defaultValue={v.name ?? ''} autoComplete="name" />
        </div>
        <fieldset className="form-field">
          <legend>{verifyRequired ? '验证方式（必填，不公开）' : '联系方式（选填，不公开）'}</legend>
          <label className="inline">
            <input type="radio" name="channel" value="sms" defaultChecked={(v.channel ?? 'sms') === 'sms'} /> 手机号码
          </label>
          <label className="inline">
            <input type="radio" name="channel" value="email" defaultChecked={v.channel === 'email'} /> 电子邮箱
          </label>
          <div>
            <label htmlFor="c-address">手机号码或电子邮箱</label>
            <input id="c-address" type="text" name="address" maxLength={254} defaultValue={v.address ?? ''} autoComplete="tel" aria-invalid={err('address') ? true : undefined} aria-describedby={described('address')} />
            {verifyRequired && (
              <button type="submit" formAction={`${action}/code#comment-form`} className="secondary">
                获取验证码
              </button>
            )}
            {field('address')}
          </div>
          {verifyRequired && (
            <div>
              <label htmlFor="c-code">验证码（6 位数字）</label>
              <input id="c-code" type="text" name="code" inputMode="numeric" maxLength={6} defaultValue="" autoComplete="one-time-code" aria-invalid={err('code') ? true : undefined} aria-describedby={described('code')} />
              {field('code')}
            </div>
          )}
        </fieldset>
        <button type="submit">提交意见</button>
      </form>
    </section>
  );
}

export function ConsultationPage({ ctx, view, comments, anchor, form, verifyRequired, csrf }: Props) {
  const open = view.phase === 'open';
  const anchorName = anchor === 'general' ? '总体意见' : view.articles.find((a) => a.key === anchor.split('.')[0])?.label;
  const articleLevel = view.chapters.length > 0 ? 4 : 3;
  let lastChapter: string | null = null;
  return (
    <Layout ctx={ctx} title={view.title} nav="interaction" canonical={consultationHref(view.id)} description={`${view.organisationName}${view.kindName}草案公开征求意见，${view.opensOn} 至 ${view.closesOn}`}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '意见征集', href: CONSULTATIONS_HREF }, { label: view.title }]} />
      <h1>{view.title}</h1>
      <dl className="meta-row consultation-meta">
        <dt>征集单位</dt>
        <dd>{view.organisationName}</dd>
        <dt>草案类别</dt>
        <dd>{view.kindName}</dd>
        <dt>征集期</dt>
        <dd>{`${view.opensOn} 至 ${view.closesOn}（${view.period.length} ${view.period.unit === 'working' ? '个工作日' : '日'}）`}</dd>
        <dt>状态</dt>
        <dd>
          <span className={`tag tag-${view.phase}`}>{view.phaseName}</span>
        </dd>
        {view.shortenedReason && (
          <>
            <dt>征集期缩短理由</dt>
            <dd>{view.shortenedReason}</dd>
          </>
        )}
        <dt>联系方式</dt>
        <dd>{view.contact}</dd>
      </dl>
      {view.result && (
        <p className="notice">
          征集已结束，采纳情况已于 {view.result.publishedAt.slice(0, 10)} 公布：<a href={`${consultationHref(view.id)}/result`}>查看意见采纳情况</a>
        </p>
      )}
      {view.phase === 'closed' && <p className="notice">意见征集已截止，征集单位正在研究处理收到的意见，采纳情况将在本页公布。</p>}
      <section aria-labelledby="explanation-h">
        <h2 id="explanation-h">起草说明</h2>
        {paragraphsOf(view.explanation).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>
      <section aria-labelledby="channels-h">
        <h2 id="channels-h">提交意见的方式</h2>
        <ul>
          {view.channels.map((c, i) => (
            <li key={i}>{`${c.kind}：${c.detail}`}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="draft-h" className="draft">
        <h2 id="draft-h">征求意见稿</h2>
        {view.preamble.map((p, i) => (
          <p key={i} className="draft-preamble">
            {p}
          </p>
        ))}
        {view.articles.map((a) => {
          const chapterHeading = a.chapter && a.chapter !== lastChapter ? <h3 className="draft-chapter">{a.chapter}</h3> : null;
          lastChapter = a.chapter;
          return (
            <div key={a.key}>
              {chapterHeading}
              <Article a={a} id={view.id} open={open} level={articleLevel} />
            </div>
          );
        })}
      </section>
      <section aria-labelledby="comments-h" id="comments">
        <h2 id="comments-h">{anchorName ? `已公开的意见：${anchorName}` : '已公开的意见'}</h2>
        <p className="hint">
          {`共 ${view.commentCount} 条已审核公开的意见（总体意见 ${view.generalCommentCount} 条）。`}
          {anchor && <a href={`${consultationHref(view.id)}#comments`}>查看全部意见</a>}
        </p>
        {comments.items.length === 0 ? (
          <p>暂无已公开的意见。</p>
        ) : (
          <ol className="comment-list">
            {comments.items.map((c) => (
              <li key={c.id}>
                <p className="comment-meta">{`${c.anchorLabel} · ${c.channelName} · ${c.receivedOn}`}</p>
                {paragraphsOf(c.body).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
                {c.decisionName && <p className="comment-answer">{`${c.decisionName}：${c.decisionReason ?? ''}`}</p>}
              </li>
            ))}
          </ol>
        )}
        <Pagination page={comments.page} pageSize={comments.pageSize} total={comments.total} href={(p) => `${withQuery(consultationHref(view.id), { anchor, page: p })}#comments`} label="意见分页" />
      </section>
      {open && <CommentForm view={view} form={form} verifyRequired={verifyRequired} anchor={anchor === 'general' ? '' : anchor} csrf={csrf} />}
      {!open && form.message && (
        <div className="form-errors" role="alert" id="comment-form">
          <p>{form.message}</p>
        </div>
      )}
    </Layout>
  );
}
