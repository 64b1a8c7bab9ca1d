// Annual-report statistics: GET /api/v1/reports/annual/:year/requests (tables 3 and 4, checks) and the XLSX export.
import { http } from '../../api';

export type ReportScope = 'self' | 'subtree';

export interface Table3Row {
  id: string;
  label: string;
  section: string | null;
  group: string | null;
  values: number[];
}

export interface RequestStatistics {
  year: number;
  organisation: { id: string; name: string };
  scope: ReportScope;
  organisationCount: number;
  period: { from: string; to: string };
  partial: boolean;
  asOf: string;
  table3: { note: string; columns: { key: string; label: string; group: string | null }[]; rows: Table3Row[] };
  table4: { columns: { key: string; group: string; subgroup: string | null; label: string }[]; values: number[] };
  checks: { id: string; label: string; ok: boolean; failures: string[] }[];
  ok: boolean;
}

const query = (orgId: string, scope: ReportScope) => `org=${encodeURIComponent(orgId)}&scope=${scope}`;

export const reportsApi = {
  requests: (year: number, orgId: string, scope: ReportScope) =>
    http.get<RequestStatistics>(`/reports/annual/${year}/requests?${query(orgId, scope)}`),
  requestsXlsxUrl: (year: number, orgId: string, scope: ReportScope) =>
    `/api/v1/reports/annual/${year}/requests.xlsx?${query(orgId, scope)}`,
};
