import type { OrgKind } from '../types';

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  city: '市',
  county: '县级',
  township: '乡镇/街道',
  village: '村/社区',
  department: '部门',
  institution: '事业单位',
};

export const ORG_KIND_OPTIONS = (Object.keys(ORG_KIND_LABELS) as OrgKind[]).map((value) => ({
  value,
  label: ORG_KIND_LABELS[value],
}));

/** Minimum password length required by the server. */
export const MIN_PASSWORD_LENGTH = 10;
