// Which workflow events the signed-in user could perform on a document: the server's own lifecycle table
// (src/modules/documents/domain/edition-lifecycle.ts, pure) with the roles the user holds over the document's
// organisation. The server still decides; this only keeps buttons that would always be refused off the screen.
import { availableEvents } from '../../../../src/modules/documents/domain/edition-lifecycle.ts';
import type { EditionEventType, EditionState } from '../../../../src/modules/documents/domain/edition-types.ts';
import type { RoleCode } from '../../../../src/platform/authz/roles.ts';
import { ancestorIds } from '../orgTree';
import type { DocumentAction, DocumentItem, Organisation, User } from '../../types';

/** Role codes granted on the organisation or any organisation above it. */
export function rolesOn(user: User, orgs: Organisation[], orgId: string): RoleCode[] {
  const chain = new Set([orgId, ...ancestorIds(orgs, orgId)]);
  return [...new Set(user.roles.filter((g) => chain.has(g.organisationId)).map((g) => g.role as RoleCode))];
}

const API_ACTIONS = new Set<string>([
  'submit',
  'approve',
  'reject',
  'schedule',
  'publish',
  'urgent_publish',
  'approve_retrospectively',
  'withdraw',
  'unpublish',
  'reopen',
]);
const ON_PUBLISHED = new Set<EditionEventType>(['withdraw', 'unpublish', 'approve_retrospectively']);

/**
 * The actions to offer: those on the working edition (the shown one, unless it is the published one), and those
 * that act on the published edition (withdraw, unpublish, retrospective approval).
 */
export function offeredActions(doc: DocumentItem, user: User, roles: RoleCode[]): DocumentAction[] {
  const e = doc.edition;
  const working = e.id !== doc.publishedEditionId;
  const ctx = (submitterId: string | null, urgentPending: boolean) => ({
    actor: { id: user.id, roles },
    submitterId,
    now: new Date().toISOString(),
    edition: {
      documentId: doc.id,
      changeType: e.changeType,
      changeNote: e.changeNote,
      publishAt: e.scheduledAt,
      retrospectiveApprovalRequired: urgentPending,
      urgentPublishedBy: null,
    },
  });
  const out = new Set<EditionEventType>();
  if (working) {
    for (const ev of availableEvents(e.state as EditionState, ctx(e.submittedBy, false))) if (!ON_PUBLISHED.has(ev)) out.add(ev);
  }
  if (doc.publicState === 'published' || doc.publicState === 'withdrawn') {
    const urgentPending = !working && e.urgent && !e.decidedBy;
    // The published edition's submitter is not in the DTO when an open edition is shown; only withdraw/unpublish
    // (no four-eyes rule) are offered then.
    const state: EditionState = doc.publicState === 'published' ? 'published' : 'withdrawn';
    for (const ev of availableEvents(state, ctx(working ? null : e.submittedBy, urgentPending))) {
      if (ON_PUBLISHED.has(ev) && (ev !== 'approve_retrospectively' || urgentPending)) out.add(ev);
    }
  }
  // A scheduled edition publishes itself when due; "publish" before then is always refused.
  if (working && e.state === 'scheduled') out.delete('publish');
  return [...out].filter((a): a is DocumentAction => API_ACTIONS.has(a));
}
