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
  pgPoolSize: { name: 'GONGKAI_PG_POOL_SIZE', description: 'PostgreSQL 连接池大小', default: 10, parse: int(1, 200) },
} satisfies Record<string, Setting<unknown>>;

export type Settings = typeof settings;
export type Config = { readonly [K in keyof Settings]: Settings[K]['default'] } & {
  readonly database: 'sqlite' | 'postgres';
  readonly sqliteFile: string;
};
