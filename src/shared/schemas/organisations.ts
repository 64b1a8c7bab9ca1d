import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, PageQuery } from './common.ts';

export const orgKinds = ['city', 'county', 'township', 'village', 'department', 'institution'] as const;
export const orgKindNames: Record<(typeof orgKinds)[number], string> = {
  city: '市',
  county: '县级',
  township: '乡镇/街道',
  village: '村/社区',
  department: '部门',
  institution: '事业单位',
};

const opt = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

export const Contact = Type.Object(
  {
    /** 政府信息公开工作机构 (Art. 4): the office named in the 指南. */
    officeName: opt(100),
    address: opt(200),
    postcode: Type.Optional(Nullable(Type.String({ pattern: '^(\\d{6})?$' }))),
    phone: opt(100),
    fax: opt(100),
    email: Type.Optional(Nullable(Type.String({ maxLength: 200, pattern: '^([^\\s@]+@[^\\s@]+\\.[^\\s@]+)?$' }))),
    website: Type.Optional(Nullable(Type.String({ maxLength: 300, pattern: '^(https?://\\S+)?$' }))),
    officeHours: opt(200),
  },
  { additionalProperties: false },
);

const editable = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  shortName: opt(50),
  kind: Type.Union(orgKinds.map((k) => Type.Literal(k))),
  divisionCode: Type.Optional(Nullable(Type.String({ maxLength: 12 }))),
  uscc: Type.Optional(Nullable(Type.String({ maxLength: 18 }))),
  siteCode: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  contact: Type.Optional(Contact),
};

export const CreateOrganisation = Type.Object({ parentId: Nullable(Id), ...editable }, { additionalProperties: false });
export const UpdateOrganisation = Type.Partial(Type.Object(editable), { additionalProperties: false, minProperties: 1 });
export const MoveOrganisation = Type.Object({ parentId: Id }, { additionalProperties: false });
export const ListOrganisationsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    parentId: Type.Optional(Id),
    kind: Type.Optional(Type.Union(orgKinds.map((k) => Type.Literal(k)))),
    includeInactive: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const Organisation = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: Type.String(),
  divisionCode: Nullable(Type.String()),
  uscc: Nullable(Type.String()),
  siteCode: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  depth: Type.Integer(),
  active: Type.Boolean(),
  contact: Type.Object({
    officeName: Nullable(Type.String()),
    address: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    fax: Nullable(Type.String()),
    email: Nullable(Type.String()),
    website: Nullable(Type.String()),
    officeHours: Nullable(Type.String()),
  }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export type CreateOrganisationInput = Static<typeof CreateOrganisation>;
export type UpdateOrganisationInput = Static<typeof UpdateOrganisation>;
export type ListOrganisationsInput = Static<typeof ListOrganisationsQuery>;
export type OrganisationDto = Static<typeof Organisation>;
export type ContactDto = OrganisationDto['contact'];
