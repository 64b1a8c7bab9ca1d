// Answer-letter templates per organisation: the platform default plus an optional template per organisation; the
// nearest ancestor's template applies to an organisation without its own. Reading needs request.read on the
// organisation; changing it is the openness office's (request.approve_extension: 政务公开办管理员/负责人), the platform
// default the platform administrator's. Anything else answers 404 like a missing organisation.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { UnitOfWork } from '../../../platform/db/unit-of-work.ts';
import { nowIso, parseJson } from '../../../platform/db/ids.ts';
import { can, canAnywhere, isPlatformAdmin, type Actor } from '../../../platform/authz/actor.ts';
import { NotFoundError, ValidationError } from '../../../platform/errors.ts';
import type { OrganisationService, OrgRef } from '../../organisations/index.ts';
import type { LetterData, LetterTemplate } from './letter.types.ts';
import { checkLetterTemplate, defaultLetterTemplate, letterPlaceholders, sampleLetterData, type TemplateInput } from './letter-template.ts';
import { renderLetterDocx } from './letter-docx.ts';
import { LetterTemplatesRepository, PLATFORM_OWNER, type LetterTemplateRow } from './letter-templates.repository.ts';

export type TemplateSource = 'organisation' | 'ancestor' | 'platform' | 'builtin';

export interface EffectiveLetterTemplate {
  /** The organisation asked about; null for the platform default. */
  organisationId: string | null;
  organisationName: string | null;
  template: LetterTemplate;
  /** Whose template applies: the organisation's own, an ancestor's, the platform default or the built-in text. */
  source: TemplateSource;
  sourceOrgName: string | null;
  /** Whether the organisation (or the platform) has a stored template of its own that DELETE would remove. */
  own: boolean;
  canEdit: boolean;
  placeholders: { name: string; description: string }[];
}

const placeholderList = Object.entries(letterPlaceholders).map(([name, description]) => ({ name, description }));

export class LetterTemplates {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
  ) {}

  private repo(db: Kysely<DB> = this.db) {
    return new LetterTemplatesRepository(db);
  }

  /** The template that applies to the organisation (undefined: the platform default). */
  async effective(actor: Actor, orgId?: string): Promise<EffectiveLetterTemplate> {
    const org = await this.readable(actor, orgId);
    return this.describe(actor, org);
  }

  async save(actor: Actor, orgId: string | undefined, input: Partial<TemplateInput>): Promise<EffectiveLetterTemplate> {
    const org = await this.editable(actor, orgId);
    const checked = checkLetterTemplate(input);
    if (!checked.ok) throw new ValidationError(checked.errors);
    const owner = org?.id ?? PLATFORM_OWNER;
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const before = await repo.find(owner);
      const row: LetterTemplateRow = {
        owner,
        title: checked.value.title,
        paragraphs: JSON.stringify(checked.value.paragraphs),
        reconsideration_body: checked.value.reconsiderationBody,
        court: checked.value.court,
        updated_at: nowIso(),
        updated_by: actor.userName,
      };
      await repo.upsert(row);
      await tx.audit({
        action: 'request.letter_template.save',
        entityType: 'request_letter_template',
        entityId: owner,
        org: org ? { id: org.id, path: org.path } : null,
        before: before ? present(before) : null,
        after: checked.value,
      });
    });
    return this.describe(actor, org);
  }

  /** Drops the organisation's own template so its ancestor's (or the platform default) applies again. */
  async reset(actor: Actor, orgId: string | undefined): Promise<EffectiveLetterTemplate> {
    const org = await this.editable(actor, orgId);
    const owner = org?.id ?? PLATFORM_OWNER;
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const before = await repo.find(owner);
      if (!before) throw new NotFoundError();
      await repo.remove(owner);
      await tx.audit({
        action: 'request.letter_template.delete',
        entityType: 'request_letter_template',
        entityId: owner,
        org: org ? { id: org.id, path: org.path } : null,
        before: present(before),
      });
    });
    return this.describe(actor, org);
  }

  /** A sample letter drawn with the organisation's effective template (fictitious applicant). */
  async sample(actor: Actor, orgId?: string): Promise<Uint8Array> {
    const org = await this.readable(actor, orgId);
    const { template } = await this.resolve(org);
    return renderLetterDocx(template, sampleLetterData(org?.name ?? '某某人民政府办公室'));
  }

  /** The renderer the case service calls (container.ts: requests.setLetterRenderer). */
  async render(orgId: string, data: LetterData): Promise<Uint8Array> {
    const org = (await this.orgs.refs([orgId])).get(orgId) ?? null;
    const { template } = await this.resolve(org);
    return renderLetterDocx(template, data);
  }

  private async readable(actor: Actor, orgId: string | undefined): Promise<OrgRef | null> {
    if (orgId === undefined) {
      if (!canAnywhere(actor, 'request.read')) throw new NotFoundError();
      return null;
    }
    const org = (await this.orgs.refs([orgId])).get(orgId);
    if (!org || !can(actor, 'request.read', org.path)) throw new NotFoundError();
    return org;
  }

  private async editable(actor: Actor, orgId: string | undefined): Promise<OrgRef | null> {
    const org = await this.readable(actor, orgId);
    if (!this.mayEdit(actor, org)) throw new NotFoundError();
    return org;
  }

  private mayEdit(actor: Actor, org: OrgRef | null): boolean {
    return org ? can(actor, 'request.approve_extension', org.path) : isPlatformAdmin(actor);
  }

  /** Nearest stored template on the way from the organisation up to the root, then the platform's, then built-in. */
  private async resolve(org: OrgRef | null): Promise<{ template: LetterTemplate; source: TemplateSource; sourceOrgId: string | null }> {
    const chain = org ? org.path.split('/').filter(Boolean).reverse() : [];
    const rows = new Map((await this.repo().byOwners([...chain, PLATFORM_OWNER])).map((r) => [r.owner, r]));
    for (const id of chain) {
      const row = rows.get(id);
      if (row) return { template: { ...present(row), orgId: id }, source: id === org!.id ? 'organisation' : 'ancestor', sourceOrgId: id };
    }
    const platform = rows.get(PLATFORM_OWNER);
    if (platform) return { template: { ...present(platform), orgId: null }, source: 'platform', sourceOrgId: null };
    return { template: defaultLetterTemplate, source: 'builtin', sourceOrgId: null };
  }

  private async describe(actor: Actor, org: OrgRef | null): Promise<EffectiveLetterTemplate> {
    const { template, source, sourceOrgId } = await this.resolve(org);
    const sourceOrg = sourceOrgId ? (await this.orgs.refs([sourceOrgId])).get(sourceOrgId) : undefined;
    return {
      organisationId: org?.id ?? null,
      organisationName: org?.name ?? null,
      template,
      source,
      sourceOrgName: sourceOrg?.name ?? null,
      own: org ? source === 'organisation' : source === 'platform',
      canEdit: this.mayEdit(actor, org),
      placeholders: placeholderList,
    };
  }
}

function present(row: LetterTemplateRow): Omit<LetterTemplate, 'orgId'> {
  return {
    title: row.title,
    paragraphs: parseJson<string[]>(row.paragraphs, []),
    reconsiderationBody: row.reconsideration_body,
    court: row.court,
    updatedAt: row.updated_at,
  };
}
