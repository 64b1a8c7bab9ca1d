// The portal's application form (依申请公开) as plain data: field names, the form → service input mapping, the
// checks only the form makes (applicant category, declaration), and the service's field errors turned into Chinese
// messages next to the form's own fields. Pure, so it is unit-tested without a server.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApplicationInput, ApplicantKind } from '../modules/requests/index.ts';
import type { FieldError } from '../platform/errors.ts';
import { translateField } from '../platform/i18n/messages.ts';

/** Organisation sub-types exactly as the columns of annual-report table 3. */
export const orgTypes: { value: Exclude<ApplicantKind, 'natural'>; label: string }[] = [
  { value: 'commercial', label: '商业企业' },
  { value: 'research', label: '科研机构' },
  { value: 'public_welfare', label: '社会公益组织' },
  { value: 'legal_service', label: '法律服务机构' },
  { value: 'other_org', label: '其他' },
];
export const idTypes = [{ value: 'resident', label: '居民身份证' }] as const;
export const infoForms = [
  { value: 'paper', label: '纸质' },
  { value: 'electronic', label: '电子' },
  { value: 'inspect', label: '其他（当场查阅）' },
] as const;
export const deliveries = [
  { value: 'post', label: '邮寄' },
  { value: 'email', label: '电子邮件' },
  { value: 'pickup', label: '自行领取' },
  { value: 'online', label: '在线查看' },
] as const;

/** Text fields of the form (the identity proof is a file and is never echoed back). */
export const applyFields = [
  'orgId', 'applicantCategory', 'personName', 'idType', 'idNumber', 'orgName', 'uscc', 'orgType', 'legalRep', 'contactPerson',
  'phone', 'email', 'address', 'postcode', 'title', 'docNumber', 'description', 'purpose', 'form', 'delivery', 'suggestProactive', 'declaration',
] as const;
export type ApplyField = (typeof applyFields)[number] | 'identityProof';
export type ApplyValues = Partial<Record<(typeof applyFields)[number], string>>;
export type FormErrors = Partial<Record<ApplyField, string>>;

const MAX_FIELD = 2000;

/** Keeps only the form's own fields, trimmed and capped (what is echoed back after a refusal). */
export function applyValues(fields: Record<string, string | undefined>): ApplyValues {
  const out: ApplyValues = {};
  for (const k of applyFields) {
    const v = fields[k];
    if (typeof v === 'string') out[k] = v.trim().slice(0, MAX_FIELD);
  }
  return out;
}

const isOrgType = (v: string | undefined): v is Exclude<ApplicantKind, 'natural'> => orgTypes.some((t) => t.value === v);

/** The checks the service cannot make (they concern the form itself), in Chinese by field. */
export function formOnlyErrors(v: ApplyValues): FormErrors {
  const errors: FormErrors = {};
  if (v.applicantCategory !== 'natural' && v.applicantCategory !== 'org') errors.applicantCategory = '请选择申请人类型：自然人，或法人或其他组织';
  if (v.applicantCategory === 'org') {
    if (!isOrgType(v.orgType)) errors.orgType = '请选择法人或其他组织的类型';
    if (!v.legalRep) errors.legalRep = '请填写法定代表人或负责人姓名';
    else if (v.legalRep.length > 50) errors.legalRep = '法定代表人或负责人姓名不能超过 50 个字';
  }
  if (v.applicantCategory === 'natural' && v.idType && v.idType !== 'resident') errors.idType = '网上申请目前只支持居民身份证；持其他证件的，请当面或邮寄提交申请';
  if ((v.purpose?.length ?? 0) > 500) errors.purpose = '用途说明不能超过 500 个字';
  if (v.declaration !== '1') errors.declaration = '请阅读并勾选申请声明';
  return errors;
}

/** The service input. */
export function applicationInput(v: ApplyValues): ApplicationInput {
  const natural = v.applicantCategory !== 'org';
  const kind: ApplicantKind | '' = natural ? (v.applicantCategory === 'natural' ? 'natural' : '') : isOrgType(v.orgType) ? v.orgType : '';
  return {
    orgId: v.orgId ?? '',
    applicant: {
      kind: kind as ApplicantKind,
      name: (natural ? v.personName : v.orgName) ?? '',
      idNumber: (natural ? v.idNumber : v.uscc) ?? '',
      contactPerson: natural ? undefined : v.contactPerson || undefined,
      legalRepresentative: natural ? undefined : v.legalRep || undefined,
      phone: v.phone ?? '',
      email: v.email || undefined,
      address: v.address || undefined,
      postcode: v.postcode || undefined,
    },
    information: { title: v.title ?? '', docNumber: v.docNumber || undefined, description: v.description || undefined, purpose: v.purpose || undefined },
    form: (v.form ?? '') as ApplicationInput['form'],
    delivery: (v.delivery ?? '') as ApplicationInput['delivery'],
    suggestProactive: v.suggestProactive === '1',
  };
}

/** Service paths → form fields; enum refusals get a sentence that names the choice instead of the raw values. */
const pathToField = (path: string, natural: boolean): ApplyField | null => {
  const map: Record<string, ApplyField> = {
    orgId: 'orgId',
    'applicant.kind': natural ? 'applicantCategory' : 'orgType',
    'applicant.name': natural ? 'personName' : 'orgName',
    'applicant.idNumber': natural ? 'idNumber' : 'uscc',
    'applicant.contactPerson': 'contactPerson',
    'applicant.phone': 'phone',
    'applicant.email': 'email',
    'applicant.address': 'address',
    'applicant.postcode': 'postcode',
    'information.title': 'title',
    'information.docNumber': 'docNumber',
    'information.description': 'description',
    'information.purpose': 'purpose',
    'applicant.legalRepresentative': 'legalRep',
    form: 'form',
    delivery: 'delivery',
    identityProof: 'identityProof',
  };
  return map[path] ?? null;
};
const choiceMessages: Partial<Record<ApplyField, string>> = {
  orgId: '请选择受理申请的行政机关',
  applicantCategory: '请选择申请人类型',
  orgType: '请选择法人或其他组织的类型',
  form: '请选择获取信息的形式',
  delivery: '请选择获取信息的方式',
  email: '电子邮箱格式不正确',
};

export function serviceErrors(fields: FieldError[], natural: boolean): FormErrors {
  const out: FormErrors = {};
  for (const f of fields) {
    const field = pathToField(f.path, natural);
    if (!field || out[field]) continue;
    const choice = f.code === 'enum' || f.code === 'unknownOrg' || f.code === 'format' ? choiceMessages[field] : undefined;
    out[field] = choice ?? translateField(f.code, 'zh', f.params as Record<string, unknown>);
  }
  return out;
}

/** Field order on the page, for the error summary. */
export const fieldOrder: ApplyField[] = [
  'orgId', 'applicantCategory', 'personName', 'idType', 'idNumber', 'orgName', 'uscc', 'orgType', 'legalRep', 'contactPerson', 'identityProof',
  'phone', 'email', 'address', 'postcode', 'title', 'docNumber', 'description', 'purpose', 'form', 'delivery', 'declaration',
];

// ------------------------------------------------------------------ CSRF (double submit)

/**
 * The portal has no sign-in, so its POST forms use a double-submit token: a random value in a SameSite=Lax,
 * HttpOnly cookie scoped to /requests, repeated in a hidden field. Another site can make a browser post the form
 * but can neither read the cookie nor make the browser send it with a cross-site POST.
 */
export const FORM_COOKIE = 'gk_form';
export const FORM_COOKIE_PATH = '/requests';
export const newFormToken = (): string => randomBytes(24).toString('base64url');

export function tokensMatch(cookie: string | undefined, field: string | undefined): boolean {
  if (!cookie || !field || cookie.length < 16) return false;
  // Hash both so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(cookie).digest();
  const b = createHash('sha256').update(field).digest();
  return timingSafeEqual(a, b);
}
