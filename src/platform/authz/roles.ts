// Roles and what they may do. A role held on an organisation covers that organisation's whole subtree.

export const permissions = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'role.grant',
  'audit.read',
  'document.read',
  'document.edit',
  'document.review',
  'document.publish',
  'catalog.manage',
  'request.read',
  'request.handle',
  'request.legal_review',
  'request.approve_extension',
  'normative.filing_review',
  'dataset.read',
  'dataset.edit',
  'consultation.read',
  'consultation.manage',
  'consultation.moderate',
  'decision.read',
  'decision.manage',
  'qa.read',
  'qa.answer',
  'qa.manage',
  'qa.moderate',
  'meeting.read',
  'meeting.manage',
  'feedback.read',
  'feedback.handle',
  'system.admin',
] as const;
export type Permission = (typeof permissions)[number];

export const roleCodes = [
  'sysadmin',
  'office_admin',
  'editor',
  'reviewer',
  'case_handler',
  'legal_counsel',
  'judicial_reviewer',
  'data_manager',
] as const;
export type RoleCode = (typeof roleCodes)[number];

type RoleDef = { name: string; nameEn: string; description: string; permissions: readonly Permission[] };

export const roles: Record<RoleCode, RoleDef> = {
  sysadmin: {
    name: '系统管理员',
    nameEn: 'System administrator',
    description: '管理整个平台：机构、用户、角色、令牌与全部内容',
    permissions,
  },
  office_admin: {
    name: '政务公开办管理员',
    nameEn: 'Openness-office administrator',
    description: '管理本机构及下级机构的目录、用户与内容，查看审计日志',
    permissions: [
      'org.read', 'org.manage', 'user.read', 'user.manage', 'role.grant', 'audit.read',
      'document.read', 'document.edit', 'document.review', 'document.publish', 'catalog.manage', 'request.read', 'request.approve_extension', 'dataset.read',
      'consultation.read', 'consultation.manage', 'consultation.moderate', 'decision.read', 'decision.manage',
      'qa.read', 'qa.answer', 'qa.manage', 'qa.moderate', 'meeting.read', 'meeting.manage', 'feedback.read', 'feedback.handle',
    ],
  },
  editor: {
    name: '信息员（编辑）',
    nameEn: 'Editor',
    description: '起草本机构的信息、解读、数据集与词条，发起意见征集，维护重大行政决策事项',
    permissions: ['org.read', 'document.read', 'document.edit', 'qa.read', 'qa.answer', 'feedback.read', 'feedback.handle', 'consultation.read', 'consultation.manage', 'decision.read', 'decision.manage'],
  },
  reviewer: {
    name: '审核人',
    nameEn: 'Reviewer',
    description: '发布前保密、隐私与表述审查，按步骤签批，审核通过后发布；审核公众提交的意见',
    permissions: ['org.read', 'document.read', 'document.review', 'document.publish', 'qa.read', 'qa.manage', 'qa.moderate', 'consultation.read', 'consultation.moderate'],
  },
  case_handler: {
    name: '依申请公开承办人',
    nameEn: 'Case handler',
    description: '办理依申请公开案件',
    permissions: ['org.read', 'request.read', 'request.handle'],
  },
  legal_counsel: {
    name: '法律顾问',
    nameEn: 'Legal counsel',
    description: '对不予公开等答复进行法律审核',
    permissions: ['org.read', 'request.read', 'request.legal_review'],
  },
  judicial_reviewer: {
    name: '司法局备案审查员',
    nameEn: 'Judicial reviewer',
    description: '行政规范性文件备案审查',
    permissions: ['org.read', 'document.read', 'normative.filing_review'],
  },
  data_manager: {
    name: '数据管理员',
    nameEn: 'Data manager',
    description: '管理公共数据开放目录与数据集',
    permissions: ['org.read', 'dataset.read', 'dataset.edit'],
  },
};

export const isRoleCode = (v: string): v is RoleCode => (roleCodes as readonly string[]).includes(v);

/** Scopes an API token can carry, and the permissions each scope lets through. */
export const tokenScopes = {
  'organisations:read': { name: '读取机构', permissions: ['org.read'] },
  'organisations:write': { name: '管理机构', permissions: ['org.read', 'org.manage'] },
  'users:read': { name: '读取用户', permissions: ['user.read'] },
  'users:write': { name: '管理用户与角色', permissions: ['user.read', 'user.manage', 'role.grant'] },
  'audit:read': { name: '读取审计日志', permissions: ['audit.read'] },
  'documents:read': { name: '读取文件（含草稿）', permissions: ['document.read'] },
  'documents:write': { name: '编辑文件', permissions: ['document.read', 'document.edit'] },
  // Reviewing, publishing, moderating, legal review and extension approval stay with people (four-eyes rules).
  'requests:read': { name: '读取依申请公开案件（含申请人信息）', permissions: ['request.read'] },
  'requests:write': { name: '办理依申请公开案件', permissions: ['request.read', 'request.handle'] },
  'consultations:read': { name: '读取意见征集（含未公开意见）', permissions: ['consultation.read'] },
  'consultations:write': { name: '管理意见征集', permissions: ['consultation.read', 'consultation.manage'] },
  'decisions:read': { name: '读取重大行政决策事项', permissions: ['decision.read'] },
  'decisions:write': { name: '维护重大行政决策事项', permissions: ['decision.read', 'decision.manage'] },
  'qa:read': { name: '读取政策问答（含未公开）', permissions: ['qa.read'] },
  'qa:write': { name: '答复政策问答', permissions: ['qa.read', 'qa.answer'] },
  'meetings:read': { name: '读取重大会议（含草稿）', permissions: ['meeting.read'] },
  'meetings:write': { name: '管理重大会议', permissions: ['meeting.read', 'meeting.manage'] },
  'feedback:read': { name: '读取营商环境线索', permissions: ['feedback.read'] },
  'feedback:write': { name: '办理营商环境线索', permissions: ['feedback.read', 'feedback.handle'] },
} as const satisfies Record<string, { name: string; permissions: readonly Permission[] }>;
export type TokenScope = keyof typeof tokenScopes;
export const isTokenScope = (v: string): v is TokenScope => Object.hasOwn(tokenScopes, v);
