// 政府信息公开申请表 (条例第二十九条): a plain multipart form that works without JavaScript. After a refusal the
// entered values come back (except the file, which browsers never let a page pre-fill) with each message next to
// its field and a summary on top.
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { deliveries, fieldOrder, idTypes, infoForms, orgTypes, type ApplyValues, type FormErrors } from '../request-form.ts';
import { CsrfField, ErrorSummary, FieldMessages, RadioGroup, SelectField, TextField, describedBy, fieldId, orgChoices } from '../components/form-fields.tsx';
import { REQUESTS_HREF, REQUEST_APPLY_HREF, REQUEST_TRACK_HREF } from '../request-urls.ts';

const labels: Partial<Record<string, string>> = {
  orgId: '受理机关',
  applicantCategory: '申请人类型',
  personName: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  orgName: '名称',
  uscc: '统一社会信用代码',
  orgType: '组织类型',
  legalRep: '法定代表人或负责人',
  contactPerson: '联系人',
  identityProof: '身份证明',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  title: '所需信息的名称',
  docNumber: '文号',
  description: '其他特征描述',
  purpose: '用途',
  form: '信息的形式',
  delivery: '获取信息的方式',
  declaration: '申请声明',
};

type Props = {
  ctx: PageContext;
  orgs: Org[];
  values: ApplyValues;
  errors: FormErrors;
  token: string;
  uploadMaxMb: number;
  /** A message for the whole form (expired page, too many submissions). */
  notice?: string;
};

export function RequestApplyPage({ ctx, orgs, values: v, errors: e, token, uploadMaxMb, notice }: Props) {
  const refused = Object.keys(e).length > 0;
  const title = '政府信息公开申请';
  return (
    <Layout ctx={ctx} title={refused ? `（有错误）${title}` : title} nav="requests" canonical={REQUEST_APPLY_HREF}>
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '依申请公开', href: REQUESTS_HREF }, { label: '提交申请' }]} />
      <h1>{title}</h1>
      <p className="lead">
        请如实填写以下内容。标有“必填”的项目不能为空。提交后页面会显示受理编号和查询码，请务必记下，凭它们查询办理进度和答复（
        <a href={REQUEST_TRACK_HREF}>查询办理进度</a>）。
      </p>
      {notice && (
        <div className="banner" role="alert">
          <p>
            <strong>{notice}</strong>
          </p>
        </div>
      )}
      <ErrorSummary errors={e} order={fieldOrder} labels={labels} />
      <form className="request-form" action={REQUEST_APPLY_HREF} method="post" encType="multipart/form-data" noValidate>
        <CsrfField token={token} />
        <section className="form-section" aria-labelledby="sec-org">
          <h2 id="sec-org">一、受理机关</h2>
          <SelectField name="orgId" label={labels.orgId!} choices={orgChoices(orgs)} value={v.orgId} error={e.orgId} empty="请选择行政机关" required hint="向制作或者保存该政府信息的行政机关提出申请。不清楚时，可先查看各机关的政府信息公开指南。" />
        </section>

        <section className="form-section" aria-labelledby="sec-applicant">
          <h2 id="sec-applicant">二、申请人信息</h2>
          <RadioGroup
            name="applicantCategory"
            legend={labels.applicantCategory!}
            value={v.applicantCategory}
            error={e.applicantCategory}
            choices={[
              { value: 'natural', label: '自然人（公民）' },
              { value: 'org', label: '法人或者其他组织' },
            ]}
            hint="自然人请填写“（一）”，法人或者其他组织请填写“（二）”。"
          />
          <fieldset className="sub-form" aria-describedby="natural-hint">
            <legend>（一）自然人</legend>
            <p className="hint" id="natural-hint">
              申请人类型为自然人时，本部分各项均须填写。
            </p>
            <TextField name="personName" label={labels.personName!} value={v.personName} error={e.personName} maxLength={100} autoComplete="name" width="medium" conditional />
            <SelectField name="idType" label={labels.idType!} choices={idTypes} value={v.idType ?? 'resident'} error={e.idType} empty="请选择证件类型" hint="网上申请目前支持居民身份证；持其他证件的，可当面或邮寄提交申请。" required="conditional" />
            <TextField name="idNumber" label={labels.idNumber!} value={v.idNumber} error={e.idNumber} maxLength={18} width="medium" hint="18 位居民身份证号码，末位可为 X。" conditional />
          </fieldset>
          <fieldset className="sub-form" aria-describedby="org-hint">
            <legend>（二）法人或者其他组织</legend>
            <p className="hint" id="org-hint">
              申请人类型为法人或者其他组织时，本部分各项均须填写。
            </p>
            <TextField name="orgName" label={labels.orgName!} value={v.orgName} error={e.orgName} maxLength={100} autoComplete="organization" conditional />
            <TextField name="uscc" label={labels.uscc!} value={v.uscc} error={e.uscc} maxLength={18} width="medium" hint="18 位，见营业执照或登记证书。" conditional />
            <SelectField name="orgType" label={labels.orgType!} choices={orgTypes} value={v.orgType} error={e.orgType} empty="请选择组织类型" required="conditional" />
            <TextField name="legalRep" label={labels.legalRep!} value={v.legalRep} error={e.legalRep} maxLength={50} width="medium" conditional />
            <TextField name="contactPerson" label={labels.contactPerson!} value={v.contactPerson} error={e.contactPerson} maxLength={50} width="medium" conditional />
          </fieldset>
          <div className={`form-field${e.identityProof ? ' has-error' : ''}`}>
            <label htmlFor={fieldId('identityProof')}>
              {labels.identityProof}
              <span className="required">（必填）</span>
            </label>
            <FieldMessages
              name="identityProof"
              hint={`自然人上传身份证件，法人或者其他组织上传营业执照或登记证书；图片（PNG、JPEG）或 PDF，每个文件不超过 ${uploadMaxMb} MB，最多 5 个。出于安全考虑，提交未成功时需要重新选择文件。`}
              error={e.identityProof}
            />
            <input
              id={fieldId('identityProof')}
              type="file"
              name="identityProof"
              multiple
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              aria-invalid={e.identityProof ? true : undefined}
              aria-describedby={describedBy('identityProof', true, e.identityProof)}
            />
          </div>
        </section>

        <section className="form-section" aria-labelledby="sec-contact">
          <h2 id="sec-contact">三、联系方式</h2>
          <TextField name="phone" label={labels.phone!} type="tel" value={v.phone} error={e.phone} required maxLength={30} autoComplete="tel" width="medium" />
          <TextField name="email" label={labels.email!} type="email" value={v.email} error={e.email} maxLength={100} autoComplete="email" width="medium" hint="选择以电子邮件获取信息时请填写。" />
          <TextField name="address" label={labels.address!} value={v.address} error={e.address} autoComplete="street-address" hint="选择邮寄时请填写。" />
          <TextField name="postcode" label={labels.postcode!} value={v.postcode} error={e.postcode} maxLength={6} autoComplete="postal-code" width="short" />
        </section>

        <section className="form-section" aria-labelledby="sec-info">
          <h2 id="sec-info">四、所需政府信息</h2>
          <TextField name="title" label={labels.title!} value={v.title} error={e.title} required hint="例如：2026 年城区老旧小区改造项目清单。" />
          <TextField name="docNumber" label={labels.docNumber!} value={v.docNumber} error={e.docNumber} maxLength={100} width="medium" hint="知道文号的请填写，例如：宜市住建〔2026〕12号。" />
          <TextField name="description" label={labels.description!} value={v.description} error={e.description} rows={4} maxLength={2000} hint="不知道文号时，请描述信息的内容、形成时间、涉及的地域等便于查找的特征。" />
          <TextField name="purpose" label={labels.purpose!} value={v.purpose} error={e.purpose} rows={2} maxLength={500} hint="法律不要求说明用途，可以不填。" />
          <RadioGroup name="form" legend={labels.form!} choices={infoForms} value={v.form} error={e.form} />
          <RadioGroup name="delivery" legend={labels.delivery!} choices={deliveries} value={v.delivery} error={e.delivery} />
          <div className="form-field checkbox-field">
            <label>
              <input type="checkbox" name="suggestProactive" value="1" defaultChecked={v.suggestProactive === '1'} />
              建议行政机关将该信息纳入主动公开范围（条例第四十四条）
            </label>
          </div>
        </section>

        <section className="form-section" aria-labelledby="sec-declare">
          <h2 id="sec-declare">五、申请声明</h2>
          <div className={`form-field checkbox-field${e.declaration ? ' has-error' : ''}`}>
            <FieldMessages name="declaration" error={e.declaration} />
            <label>
              <input id={fieldId('declaration')} type="checkbox" name="declaration" value="1" defaultChecked={v.declaration === '1'} aria-invalid={e.declaration ? true : undefined} aria-describedby={describedBy('declaration', undefined, e.declaration)} />
              本人（本单位）承诺所填信息真实、有效，所提交的身份证明属实，并知悉提供虚假信息应承担的法律责任。
            </label>
          </div>
          <p className="hint">个人信息仅用于办理本申请，不会在网站上公开。</p>
        </section>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            提交申请
          </button>
        </div>
      </form>
    </Layout>
  );
}
