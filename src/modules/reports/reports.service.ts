// The statutory annual report (条例第四十九、五十条). So far: tables 3 and 4 (disclosure on application and its
// remedies) computed from the requests module's facts, which carry no personal data. Reading needs request.read on
// the organisation (case staff and the openness office); anything else answers 404 like a missing organisation.
import { can, systemActor, type Actor } from '../../platform/authz/actor.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';
import type { RequestService } from '../requests/index.ts';
import { checkTables, remedyTable4, requestTable3, type Check, type Table3, type Table4 } from './domain/request-tables.ts';

export type ReportScope = 'self' | 'subtree';
/** The 条例 took effect on 1 May 2008: no report before that year. */
export const FIRST_REPORT_YEAR = 2008;

export interface RequestStatistics {
  year: number;
  organisation: { id: string; name: string };
  /** self: the organisation's own cases; subtree: it and every organisation under it. */
  scope: ReportScope;
  organisationCount: number;
  period: { from: string; to: string };
  /** The year is not over yet: R4 and 尚未审结 are as of `asOf`. */
  partial: boolean;
  asOf: string;
  table3: Table3;
  table4: Table4;
  checks: Check[];
  ok: boolean;
}

export class ReportsService {
  constructor(
    private readonly orgs: OrganisationService,
    private readonly requests: RequestService,
    private options: { today: () => string },
  ) {}

  /** Replaces the clock (Beijing date); for tests. */
  setToday(today: () => string): void {
    this.options = { ...this.options, today };
  }

  async requestStatistics(actor: Actor, year: number, orgId: string, scope: ReportScope): Promise<RequestStatistics> {
    const org = (await this.orgs.refs([orgId])).get(orgId);
    if (!org || !can(actor, 'request.read', org.path)) throw new NotFoundError();
    const today = this.options.today();
    const thisYear = Number(today.slice(0, 4));
    if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > thisYear)
      throw new ValidationError([
        {
          path: 'year',
          code: 'custom',
          params: {
            zh: `年度应在 ${FIRST_REPORT_YEAR} 年至今年（${thisYear} 年）之间`,
            en: `the year must lie between ${FIRST_REPORT_YEAR} and ${thisYear}`,
          },
        },
      ]);
    const orgIds = scope === 'subtree' ? await this.subtreeIds(org.id) : [org.id];
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    // Last year's table is computed from the same facts for the check R2(N) = R4(N−1).
    const [facts, remedies] = await Promise.all([
      this.requests.statisticsFacts(orgIds, { from: `${year - 1}-01-01`, to }),
      this.requests.remedyFacts(orgIds, { from, to }),
    ]);
    const table3 = requestTable3(facts, year);
    const table4 = remedyTable4(remedies, year);
    const checks = checkTables(table3, table4, requestTable3(facts, year - 1));
    return {
      year,
      organisation: { id: org.id, name: org.name },
      scope,
      organisationCount: orgIds.length,
      period: { from, to },
      partial: today <= to,
      asOf: today < to ? today : to,
      table3,
      table4,
      checks,
      ok: checks.every((c) => c.ok),
    };
  }

  /** The organisation and every organisation below it, deactivated ones included (their cases still count). */
  private async subtreeIds(rootId: string): Promise<string[]> {
    const all = await this.orgs.tree(systemActor());
    const children = new Map<string, string[]>();
    for (const o of all) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
    const out: string[] = [];
    const stack = [rootId];
    while (stack.length) {
      const id = stack.pop()!;
      out.push(id);
      stack.push(...(children.get(id) ?? []));
    }
    return out;
  }
}
