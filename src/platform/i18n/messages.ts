// The message catalog: every user-visible error and validation message, zh-CN first, English second.
export type Lang = 'zh' | 'en';
type Entry = { zh: string; en: string };

export const messages = {
  // generic
  NOT_FOUND: { zh: '请求的内容不存在或您无权访问', en: 'Not found, or you may not access it' },
  ROUTE_NOT_FOUND: { zh: '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  CSRF_INVALID: { zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试', en: 'Missing or invalid CSRF token; reload and retry' },
  VALIDATION_FAILED: { zh: '提交的数据有误：{summary}', en: 'Invalid input: {summary}' },
  INVALID_JSON: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型：{type}', en: 'Unsupported content type: {type}' },
  BODY_TOO_LARGE: { zh: '请求体过大（上限 {limit} 字节）', en: 'Request body too large (limit {limit} bytes)' },
  EMPTY_BODY: { zh: '请求体为空', en: 'The request body is empty' },
  RATE_LIMITED: { zh: '请求过于频繁，请 {after} 秒后再试', en: 'Too many requests; retry in {after} s' },
  CONFLICT: { zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  INTERNAL: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please retry later' },
  // auth
  LOGIN_FAILED: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: { zh: '登录失败次数过多，账号已锁定至 {until}', en: 'Too many failed sign-ins; locked until {until}' },
  ACCOUNT_INACTIVE: { zh: '账号已停用，请联系管理员', en: 'This account is deactivated' },
  WRONG_PASSWORD: { zh: '当前密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: { zh: '密码至少 10 个字符，且不能与用户名相同', en: 'Passwords need 10+ characters and must differ from the user name' },
  TOKEN_INVALID: { zh: 'API 令牌无效、已撤销或已过期', en: 'API token invalid, revoked or expired' },
  TOKEN_SCOPE: { zh: '该 API 令牌没有所需的权限范围：{scope}', en: 'This API token lacks the scope {scope}' },
  // organisations
  ORG_HAS_CONTENT: {
    zh: '该机构下还有{what}，不能删除，只能停用',
    en: 'This organisation still has {what}; it cannot be deleted, only deactivated',
  },
  ORG_CYCLE: { zh: '不能把机构移动到它自己或它的下级机构之下', en: 'An organisation cannot move under itself or its descendants' },
  ORG_ROOT: { zh: '根机构不能删除或移动', en: 'The root organisation cannot be deleted or moved' },
  ORG_PARENT_INACTIVE: { zh: '上级机构已停用', en: 'The parent organisation is deactivated' },
  DIVISION_CODE_TAKEN: { zh: '区划代码 {code} 已被其他机构使用', en: 'Division code {code} is used by another organisation' },
  USCC_TAKEN: { zh: '统一社会信用代码已被其他机构使用', en: 'This USCC is used by another organisation' },
  // users
  USERNAME_TAKEN: { zh: '用户名 {username} 已存在', en: 'The user name {username} is taken' },
  ROLE_EXISTS: { zh: '该用户在此机构已有此角色', en: 'The user already holds this role here' },
  LAST_ADMIN: { zh: '不能移除最后一个系统管理员', en: 'The last system administrator cannot be removed' },
  SELF_DEACTIVATE: { zh: '不能停用自己的账号', en: 'You cannot deactivate your own account' },
  // documents
  DOC_NOT_EDITABLE: { zh: '该版本处于“{state}”状态，不能修改；请先新建版本', en: 'This edition is {state} and cannot be changed; start a new edition' },
  EDIT_CONFLICT: { zh: '该文件已被他人修改（版本号已变化），请刷新后重新编辑', en: 'Someone else changed this document; reload and edit again' },
  TRANSITION_REFUSED: { zh: '无法执行此操作：{reason}', en: 'Not possible: {reason}' },
  // participation (Q&A, meetings, feedback)
  DUPLICATE_SUBMISSION: { zh: '您已提交过相同的内容（{when}），请勿重复提交', en: 'The same text was already submitted ({when}); please do not submit it twice' },
  DOC_NO_TAKEN: { zh: '本机构已有发文字号为 {docNo} 的文件', en: 'This organisation already has a document numbered {docNo}' },
  OPEN_EDITION_EXISTS: { zh: '该文件已有一个未发布的版本，请先完成或处理它', en: 'This document already has an unpublished edition' },
  GONE: { zh: '该信息已撤销发布', en: 'This information has been unpublished' },
  COLUMN_NOT_EMPTY: { zh: '栏目下还有子栏目或文件，不能删除', en: 'The column still has sub-columns or documents' },
  LINK_CYCLE: { zh: '这条关联会形成循环（文件之间的修改、废止、替代关系不能成环）', en: 'This link would form a cycle' },
  // normative documents
  NOT_NORMATIVE: { zh: '该文件不是规范性文件或规章', en: 'This document is not a normative document or rule' },
  REGISTRATION_NO_FORMAT: { zh: '登记编号不符合规则 {pattern}', en: 'The registration number does not match {pattern}' },
  REGISTRATION_NO_TAKEN: { zh: '登记编号 {registrationNo} 已被其他文件使用', en: 'The registration number {registrationNo} is used by another document' },
  REGISTRATION_NO_UNAVAILABLE: { zh: '无法生成统一登记编号：{reason}', en: 'No registration number can be generated: {reason}' },
  THEME_NAME_TAKEN: { zh: '该机构已有名为“{name}”的专题', en: 'This organisation already has a theme named {name}' },
  NOT_PUBLISHED_YET: { zh: '文件尚未发布，不能新建修订版本', en: 'The document is not published yet' },
  // attachments
  ATTACHMENT_TOO_LARGE: { zh: '附件过大：单个附件不能超过 {limitMb} MB', en: 'The attachment is too large: at most {limitMb} MB per file' },
  ATTACHMENT_EMPTY: { zh: '附件是空文件', en: 'The attachment is an empty file' },
  ATTACHMENT_UNSUPPORTED: {
    zh: '不支持的附件类型“{ext}”：只接受 PDF、DOCX、XLSX、PNG、JPEG、GIF、WEBP 图片以及 HTML、TXT 文件',
    en: 'Unsupported attachment type "{ext}": only PDF, DOCX, XLSX, PNG, JPEG, GIF, WEBP, HTML and TXT are accepted',
  },
  ATTACHMENT_MISMATCH: {
    zh: '附件内容与扩展名不符：文件名为 .{ext}，实际内容是 {actual}。请确认文件后重新上传',
    en: 'The attachment does not match its extension: named .{ext} but the content is {actual}',
  },
  ATTACHMENT_DAMAGED: { zh: '附件已损坏或无法读取（{kind}），请重新导出后上传', en: 'The attachment is damaged or unreadable ({kind})' },
  ATTACHMENT_VERSION_INVALID: {
    zh: '只能把 HTML 附件标记为同一版本中某个非 HTML 附件（如 PDF）的无障碍版本',
    en: 'Only an HTML attachment can be the accessible version of a non-HTML attachment of the same edition',
  },
  ATTACHMENT_ORDER_INVALID: { zh: '排序列表必须恰好包含该版本的全部附件', en: 'The order must list every attachment of the edition exactly once' },
  // review (pre-publication review)
  REVIEW_DICTIONARY_DUPLICATE: { zh: '词库中已有“{word}”', en: 'The dictionary already holds “{word}”' },
  REVIEW_IMPORT_EMPTY: { zh: '导入文件中没有可用的词条', en: 'The import file holds no usable entries' },
  REVIEW_IMPORT_TOO_MANY: { zh: '一次最多导入 {limit} 条', en: 'At most {limit} entries per import' },
  REVIEW_FINDING_NOT_BLOCKING: { zh: '该问题不能豁免：不阻止发布的问题无需豁免，密级标志须删除并送保密审查', en: 'This finding cannot be overridden: non-blocking findings need none, secret markings must be removed' },
  REVIEW_ALREADY_OVERRIDDEN: { zh: '该问题已记录豁免', en: 'This finding is already overridden' },
  REVIEW_NOT_MASKABLE: { zh: '该问题无法在正文中一键脱敏：{reason}', en: 'This finding cannot be masked in the body: {reason}' },
  REVIEW_EDITION_NOT_EDITABLE: { zh: '只能对草稿或退回的版本脱敏；已发布内容请在复查队列中“脱敏并重新发布”', en: 'Only a draft or rejected edition can be masked; use mask-and-republish for published content' },
  REVIEW_STEP_SIGNED: { zh: '审查步骤“{step}”已签批', en: 'The review step “{step}” is already signed' },
  REVIEW_STEP_ORDER: { zh: '请先完成前一审查步骤“{step}”', en: 'Sign the previous step “{step}” first' },
  REVIEW_STEP_SAME_USER: { zh: '同一人不能签批两个审查步骤，提交人不能签批（双人审核）', en: 'One person cannot sign two steps, and the submitter cannot sign (four-eyes rule)' },
  REVIEW_STEP_STATE: { zh: '只能对已提交待审核的版本签批', en: 'Only a submitted edition can be signed' },
  REVIEW_QUEUE_CLOSED: { zh: '该复查事项已处理', en: 'This queue item has already been handled' },
  REVIEW_RULE_EXISTS: { zh: '该三同步规则已存在', en: 'This 三同步 rule already exists' },
  // working-day calendar
  CALENDAR_SCHEDULE_INVALID: { zh: '节假日安排文件有误：{summary}', en: 'The holiday schedule file is invalid: {summary}' },
  // requests (disclosure on application)
  REQUEST_LETTER_UNAVAILABLE: { zh: '答复书生成功能尚未启用，请联系系统管理员', en: 'Answer letters are not available yet' },
  REQUEST_NOT_CONVERTIBLE: { zh: '只有已作出予以公开或部分公开答复的案件才能转为主动公开', en: 'Only cases answered with full or partial disclosure can be converted' },
  REQUEST_ALREADY_CONVERTED: { zh: '该案件已转为主动公开草稿，不能重复转换', en: 'This case was already converted into a draft' },
  REQUEST_CHANGED: { zh: '案件已被他人更新，请刷新后重试', en: 'Someone else updated the case; reload and retry' },
  REQUEST_FILE_NOT_ALLOWED: { zh: '当前状态的案件不能再上传提供的信息', en: 'Released information can no longer be added to this case' },
  // consultations (意见征集) and major administrative decisions
  COMMENT_DUPLICATE: { zh: '已收到内容相同的意见，请勿重复提交', en: 'The same comment was already received; please do not submit it twice' },
  COMMENT_VERIFICATION_FAILED: { zh: '验证码不正确或已过期，请重新获取', en: 'The verification code is wrong or expired; request a new one' },
} satisfies Record<string, Entry>;

export type MessageCode = keyof typeof messages;

// Validation messages for single fields (Ajv keywords and our own checks).
export const fieldMessages = {
  required: { zh: '必填', en: 'is required' },
  type: { zh: '类型应为{type}', en: 'must be {type}' },
  maxLength: { zh: '不能超过 {limit} 个字符', en: 'must be at most {limit} characters' },
  minLength: { zh: '不能少于 {limit} 个字符', en: 'must be at least {limit} characters' },
  pattern: { zh: '格式不正确', en: 'has the wrong format' },
  format: { zh: '格式不正确（应为 {format}）', en: 'must be a valid {format}' },
  enum: { zh: '取值应为：{values}', en: 'must be one of: {values}' },
  additionalProperties: { zh: '不允许的字段', en: 'is not an allowed field' },
  minimum: { zh: '不能小于 {limit}', en: 'must be at least {limit}' },
  maximum: { zh: '不能大于 {limit}', en: 'must be at most {limit}' },
  minItems: { zh: '至少 {limit} 项', en: 'needs at least {limit} items' },
  maxItems: { zh: '最多 {limit} 项', en: 'allows at most {limit} items' },
  uniqueItems: { zh: '不能有重复项', en: 'must not repeat items' },
  invalid: { zh: '取值无效', en: 'is invalid' },
  /** A message written by a domain rule, carried in params. */
  custom: { zh: '{zh}', en: '{en}' },
  uscc: { zh: '不是有效的统一社会信用代码（校验位不符或含非法字符）', en: 'is not a valid unified social credit code' },
  divisionCode: { zh: '不是有效的行政区划代码（6、9 或 12 位数字）', en: 'is not a valid division code (6, 9 or 12 digits)' },
  siteCode: { zh: '网站标识码应为 10 位数字或 bm 加 8 位数字', en: 'site code must be 10 digits or bm + 8 digits' },
  unknownOrg: { zh: '机构不存在或无权访问', en: 'no such organisation, or not accessible' },
  unknownRole: { zh: '角色不存在', en: 'no such role' },
  unknownScope: { zh: '未知的权限范围', en: 'unknown scope' },
  pastDate: { zh: '不能早于今天', en: 'must not be in the past' },
  parentKind: { zh: '该类型的机构不能挂在所选上级之下', en: 'this kind cannot sit under the chosen parent' },
  mobile: { zh: '请输入正确的 11 位手机号码', en: 'must be a valid 11-digit mainland mobile number' },
  email: { zh: '请输入正确的电子邮箱地址', en: 'must be a valid e-mail address' },
  codeResendWait: { zh: '验证码已发送，请 {seconds} 秒后再试', en: 'a code was just sent; retry in {seconds} s' },
  codeTooMany: { zh: '该地址一小时内获取验证码次数过多，请稍后再试', en: 'too many codes for this address in the last hour; try later' },
  calendarDate: { zh: '不是有效的日期（应为真实存在的日期，格式 YYYY-MM-DD）', en: 'is not a valid date (an existing date written YYYY-MM-DD)' },
  calendarDuplicate: { zh: '日期 {date} 重复出现', en: 'repeats the date {date}' },
  calendarOutsideYear: { zh: '日期 {date} 不属于 {year} 年的安排（只能是 {year} 年内或 {prev} 年 12 月）', en: 'the date {date} is outside the {year} schedule (only {year} or December {prev})' },
} satisfies Record<string, Entry>;

export type FieldMessageCode = keyof typeof fieldMessages;

const typeNames: Record<string, Entry> = {
  string: { zh: '字符串', en: 'a string' },
  integer: { zh: '整数', en: 'an integer' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '布尔值', en: 'a boolean' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '数组', en: 'an array' },
  null: { zh: '空值', en: 'null' },
};

export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

export function translate(code: MessageCode, lang: Lang, params?: Record<string, unknown>): string {
  return format(messages[code][lang], params);
}

export function translateField(code: FieldMessageCode, lang: Lang, params: Record<string, unknown> = {}): string {
  const p = { ...params };
  if (typeof p.type === 'string') p.type = typeNames[p.type]?.[lang] ?? p.type;
  return format(fieldMessages[code][lang], p);
}

/** English only when the client prefers it; Chinese is the default. */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag.startsWith('zh') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh';
}
