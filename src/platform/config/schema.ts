// Every setting Gongkai reads, with its default and its rule. README's configuration table mirrors this list
// (`gongkai config` prints it), so a new variable is documented by adding it here.

export type Setting<T> = {
  name: string;
  description: string;
  default: T;
  /** Parses the raw text; returns the value or throws an Error whose message says what is allowed. */
  parse: (raw: string) => T;
};

const int = (min: number, max: number) => (raw: string) => {
  if (!/^\d+$/.test(raw.trim())) throw new Error(`必须是 ${min}–${max} 之间的整数 / an integer from ${min} to ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`必须是 ${min}–${max} 之间的整数 / an integer from ${min} to ${max}`);
  return n;
};
const oneOf = <T extends string>(...values: T[]) => (raw: string) => {
  if (!values.includes(raw as T)) throw new Error(`只能是 ${values.join(' | ')} / one of ${values.join(', ')}`);
  return raw as T;
};
const text = (max = 200) => (raw: string) => {
  if (raw.length > max) throw new Error(`不能超过 ${max} 个字符 / at most ${max} characters`);
  return raw;
};
const optionalPattern = (re: RegExp, what: string) => (raw: string) => {
  if (raw !== '' && !re.test(raw)) throw new Error(`格式不正确，应为 ${what} / must match ${re.source}`);
  return raw;
};

export const settings = {
  port: { name: 'PORT', description: 'HTTP 端口', default: 3000, parse: int(1, 65535) },
  host: { name: 'HOST', description: '监听地址', default: '0.0.0.0', parse: text(100) },
  dataDir: {
    name: 'GONGKAI_DATA_DIR',
    description: '数据目录（SQLite 数据库、附件、备份）',
    default: './data',
    parse: text(500),
  },
  databaseUrl: {
    name: 'DATABASE_URL',
    description: 'PostgreSQL 连接串；为空则使用数据目录中的 SQLite',
    default: '',
    parse: optionalPattern(/^postgres(ql)?:\/\/.+/, 'postgres://用户@主机:端口/数据库'),
  },
  adminPassword: {
    name: 'GONGKAI_ADMIN_PASSWORD',
    description: '首次启动时创建的管理员 admin 的密码；为空则随机生成并打印一次',
    default: '',
    parse: (raw: string) => {
      if (raw !== '' && raw.length < 10) throw new Error('至少 10 个字符 / at least 10 characters');
      return text(128)(raw);
    },
  },
  siteName: { name: 'GONGKAI_SITE_NAME', description: '门户网站名称', default: '宜昌市政务公开平台', parse: text(60) },
  siteOrganizer: {
    name: 'GONGKAI_SITE_ORGANIZER',
    description: '页脚“主办单位”',
    default: '宜昌市人民政府办公室',
    parse: text(100),
  },
  siteCode: {
    name: 'GONGKAI_SITE_CODE',
    description: '页脚“网站标识码”（10 位数字或 bm+8 位数字）',
    default: '',
    parse: optionalPattern(/^(\d{10}|bm\d{8})$/, '10 位数字或 bm 加 8 位数字'),
  },
  icp: { name: 'GONGKAI_ICP', description: '页脚 ICP 备案号', default: '', parse: text(60) },
  psb: { name: 'GONGKAI_PSB', description: '页脚公安机关备案号', default: '', parse: text(60) },
  logLevel: {
    name: 'GONGKAI_LOG_LEVEL',
    description: '日志级别',
    default: 'info' as 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  bodyLimit: {
    name: 'GONGKAI_BODY_LIMIT',
    description: 'JSON 请求体上限（字节）',
    default: 1_048_576,
    parse: int(1024, 100 * 1_048_576),
  },
  sessionHours: {
    name: 'GONGKAI_SESSION_HOURS',
    description: '登录会话有效时长（小时，无操作后过期）',
    default: 12,
    parse: int(1, 24 * 30),
  },
  cookieSecure: {
    name: 'GONGKAI_COOKIE_SECURE',
    description: 'Cookie 的 Secure 标记：auto 表示按请求是否为 HTTPS 决定',
    default: 'auto' as 'auto' | 'true' | 'false',
    parse: oneOf('auto', 'true', 'false'),
  },
  trustProxy: {
    name: 'GONGKAI_TRUST_PROXY',
    description: '是否信任反向代理的 X-Forwarded-* 头',
    default: 'false' as 'true' | 'false',
    parse: oneOf('true', 'false'),
  },
  loginMaxFailures: {
    name: 'GONGKAI_LOGIN_MAX_FAILURES',
    description: '连续登录失败多少次后锁定账号',
    default: 5,
    parse: int(1, 100),
  },
  lockoutMinutes: { name: 'GONGKAI_LOCKOUT_MINUTES', description: '账号锁定时长（分钟）', default: 15, parse: int(1, 1440) },
  loginRateLimit: {
    name: 'GONGKAI_LOGIN_RATE_LIMIT',
    description: '每个 IP 每分钟允许的登录请求数',
    default: 10,
    parse: int(1, 10_000),
  },
  formRateLimit: {
    name: 'GONGKAI_FORM_RATE_LIMIT',
    description: '每个 IP 每分钟允许提交公开表单的次数',
    default: 20,
    parse: int(1, 10_000),
  },
  divisionsDir: {
    name: 'GONGKAI_DIVISIONS_DIR',
    description: '首次启动时读取的行政区划 CSV 目录；不存在时使用内置的宜昌市区划',
    default: '../shared/data/divisions',
    parse: text(500),
  },
  attachmentMaxMb: {
    name: 'GONGKAI_ATTACHMENT_MAX_MB',
    description: '单个附件大小上限（MB）',
    default: 50,
    parse: int(1, 1024),
  },
  pgPoolSize: { name: 'GONGKAI_PG_POOL_SIZE', description: 'PostgreSQL 连接池大小', default: 10, parse: int(1, 200) },
  sqliteMmapMb: {
    name: 'GONGKAI_SQLITE_MMAP_MB',
    description: 'SQLite 以内存映射读取数据库文件的上限（MB；0 = 不映射，SQLite 本身最多 2048）',
    default: 2048,
    parse: int(0, 1_048_576),
  },
  registrationPattern: {
    name: 'GONGKAI_REGISTRATION_PATTERN',
    description:
      '规范性文件统一登记编号规则：{DIV} 区划代码、{USCC} 统一社会信用代码、{YYYY} 年份、{seq:N} 序号（必含 {YYYY} 与 {seq}）；可写固定前缀如 YCGS-{YYYY}-{seq}。各地格式不一 [U]',
    default: '{DIV}-{YYYY}-{seq:04}',
    parse: (raw: string) => {
      if (!/\{YYYY\}/.test(raw) || !/\{seq(:\d{1,2}d?)?\}/.test(raw)) throw new Error('必须包含 {YYYY} 与 {seq:N} / must contain {YYYY} and {seq:N}');
      return text(100)(raw);
    },
  },
  validityRules: {
    name: 'GONGKAI_VALIDITY_RULES',
    description: '规范性文件默认有效期规则（JSON 数组，依次匹配，见 README“规范性文件”）；为空则用内置规则：规章不设、暂行/试行 2 年、其他 5 年 [U]',
    default: '',
    parse: (raw: string) => {
      if (raw.trim() === '') return '';
      try {
        if (!Array.isArray(JSON.parse(raw))) throw new Error();
      } catch {
        throw new Error('应为 JSON 数组 / must be a JSON array');
      }
      return text(10_000)(raw);
    },
  },
  expiryNoticeDays: {
    name: 'GONGKAI_EXPIRY_NOTICE_DAYS',
    description: '规范性文件到期前多少天列入发文机关的工作待办',
    default: 90,
    parse: int(1, 730),
  },
  expiryUrgentDays: {
    name: 'GONGKAI_EXPIRY_URGENT_DAYS',
    description: '规范性文件到期前多少天在工作待办中标为紧急',
    default: 30,
    parse: int(1, 730),
  },
  normativeFilingDays: {
    name: 'GONGKAI_NORMATIVE_FILING_DAYS',
    description: '行政规范性文件公布后报送备案的期限（天）；各地规定不一，多为 30 日',
    default: 30,
    parse: int(1, 365),
  },
  normativeDayCount: {
    name: 'GONGKAI_NORMATIVE_DAY_COUNT',
    description: '备案期限与审查期限按自然日（calendar）还是工作日（working）计算',
    default: 'calendar' as 'calendar' | 'working',
    parse: oneOf('calendar', 'working'),
  },
  normativeReviewDays: {
    name: 'GONGKAI_NORMATIVE_REVIEW_DAYS',
    description: '报送备案后备案审查机关应完成审查的期限（天），逾期列入政务公开办的逾期清单',
    default: 30,
    parse: int(1, 365),
  },
  scanRateLimit: {
    name: 'GONGKAI_SCAN_RATE_LIMIT',
    description: '每个用户（或 IP）每分钟可调用审查扫描接口 POST /api/v1/review/scan 的次数',
    default: 60,
    parse: int(1, 10_000),
  },
  scanEmailDomains: {
    name: 'GONGKAI_SCAN_EMAIL_DOMAINS',
    description: '审查扫描时允许出现的机关邮箱域名（逗号分隔，含其子域名）',
    default: 'gov.cn',
    parse: text(2000),
  },
  scanAllowedPhones: {
    name: 'GONGKAI_SCAN_ALLOWED_PHONES',
    description: '审查扫描时允许出现的公开办公电话（逗号分隔，如 0717-6221234）；各单位的名单由审查流程另行维护',
    default: '',
    parse: text(10_000),
  },
  scanMasking: {
    name: 'GONGKAI_SCAN_MASKING',
    description: '各类个人信息的打码规则，如 id_card=6+4,mobile=3+4（保留前 N 位 + 后 M 位）；未列出的类别用内置规则',
    default: '',
    parse: optionalPattern(/^\s*[a-z_]+\s*=\s*\d{1,2}\s*\+\s*\d{1,2}\s*(,\s*[a-z_]+\s*=\s*\d{1,2}\s*\+\s*\d{1,2}\s*)*$/, 'id_card=6+4,mobile=3+4'),
  },
  reviewInterpretationDays: {
    name: 'GONGKAI_REVIEW_INTERPRETATION_DAYS',
    description: '三同步：须解读的文件发布后，解读材料最迟在多少个工作日内发布（有解读方案时）',
    default: 3,
    parse: int(0, 30),
  },
  reviewRescanHours: {
    name: 'GONGKAI_REVIEW_RESCAN_HOURS',
    description: '已发布内容定期复查（重新扫描）的间隔小时数；词库变更时立即复查',
    default: 24,
    parse: int(1, 24 * 30),
  },
  reviewRescanBatch: {
    name: 'GONGKAI_REVIEW_RESCAN_BATCH',
    description: '复查每批扫描的已发布版本数（每次维护任务运行一批）',
    default: 200,
    parse: int(1, 10_000),
  },
  calendarRefreshSeconds: {
    name: 'GONGKAI_CALENDAR_REFRESH_SECONDS',
    description: '工作日历：多实例部署时，每个实例至多每隔多少秒检查一次其他实例对节假日调整的修改',
    default: 30,
    parse: int(1, 3600),
  },
  requestTrackingPattern: {
    name: 'GONGKAI_REQUEST_TRACKING_PATTERN',
    description: '依申请公开受理编号规则：{YYYY} 年份、{seq:N} 当年序号（必含两者），如 YS-{YYYY}-{seq:06}',
    default: 'YS-{YYYY}-{seq:06}',
    parse: (raw: string) => {
      if (!/\{YYYY\}/.test(raw) || !/\{seq(:\d{1,2})?\}/.test(raw)) throw new Error('必须包含 {YYYY} 与 {seq:N} / must contain {YYYY} and {seq:N}');
      if (!/^[A-Za-z0-9{}:-]+$/.test(raw)) throw new Error('只能含字母、数字和连字符 / letters, digits and hyphens only');
      return text(60)(raw);
    },
  },
  qaAnswerDays: {
    name: 'GONGKAI_QA_ANSWER_DAYS',
    description: '政策问答：公众提问须在多少个工作日内答复（自收到之日起）',
    default: 5,
    parse: int(1, 60),
  },
  feedbackReplyDays: {
    name: 'GONGKAI_FEEDBACK_REPLY_DAYS',
    description: '营商环境“不满意”线索：须在多少个工作日内答复',
    default: 10,
    parse: int(1, 60),
  },
  feedbackCategories: {
    name: 'GONGKAI_FEEDBACK_CATEGORIES',
    description: '营商环境线索的问题类别（逗号分隔）',
    default: '政务服务,审批许可,监管执法,政策落实,要素保障,涉企收费,公共资源交易,其他',
    parse: text(1000),
  },
  requestUploadMaxMb: {
    name: 'GONGKAI_REQUEST_UPLOAD_MAX_MB',
    description: '依申请公开表单上传文件（身份证明、补正材料、提供的信息）的单个大小上限（MB）',
    default: 10,
    parse: int(1, 200),
  },
  requestLegalReview: {
    name: 'GONGKAI_REQUEST_LEGAL_REVIEW',
    description: '不予公开、部分公开等答复前是否必须经法律审核（required | optional）',
    default: 'required' as 'required' | 'optional',
    parse: oneOf('required', 'optional'),
  },
  requestFeeBands: {
    name: 'GONGKAI_REQUEST_FEE_BANDS',
    description:
      '信息处理费分档（JSON：{"perRequest":[{"from":1,"fen":0},…],"perVolume":[…]}，金额单位为分，可用 stepEvery/stepFen 表示逐档递增）；为空则按国办函〔2020〕109号：按件 1–10 免费、11–30 每件 100 元、31 起每 10 件一档每件加 100 元；按量 1–30 页免费、31–100 每页 10 元、101–200 每页 20 元、201 起每页 40 元',
    default: '',
    parse: (raw: string) => {
      if (raw.trim() === '') return '';
      try {
        const v = JSON.parse(raw);
        if (!v || !Array.isArray(v.perRequest) || !Array.isArray(v.perVolume)) throw new Error();
      } catch {
        throw new Error('应为含 perRequest 与 perVolume 数组的 JSON / must be JSON with perRequest and perVolume arrays');
      }
      return text(5000)(raw);
    },
  },
  consultationVerify: {
    name: 'GONGKAI_CONSULTATION_VERIFY',
    description: '公众在意见征集中提交意见是否须先验证手机号或电子邮箱（required：须验证；none：可匿名提交，联系方式选填）',
    default: 'required' as 'required' | 'none',
    parse: oneOf('required', 'none'),
  },
  consultationMinDays: {
    name: 'GONGKAI_CONSULTATION_MIN_DAYS',
    description: '征求意见期下限（JSON，按草案类别：{"major_decision":{"days":30,"unit":"calendar"},"rule":…,"normative":{"days":7,"unit":"working"},"other":…}）；为空则重大行政决策与规章 30 日、行政规范性文件 7 个工作日、其他 7 日',
    default: '',
    parse: (raw: string) => {
      if (raw.trim() === '') return '';
      try {
        const v = JSON.parse(raw);
        if (!v || typeof v !== 'object') throw new Error();
      } catch {
        throw new Error('应为按草案类别给出 days 与 unit 的 JSON / must be JSON keyed by kind with days and unit');
      }
      return text(2000)(raw);
    },
  },
} satisfies Record<string, Setting<unknown>>;

export type Settings = typeof settings;
export type Config = { readonly [K in keyof Settings]: Settings[K]['default'] } & {
  readonly database: 'sqlite' | 'postgres';
  readonly sqliteFile: string;
};
