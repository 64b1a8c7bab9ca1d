import { canAnywhere, isPlatformAdmin, type Actor } from '../../platform/authz/actor.ts';

/**
 * Dictionaries, 三同步 rules are platform-wide: a system administrator or the openness office at the root manages
 * them (an office below the root would change what every other organisation's review sees).
 */
export function canManageReviewSettings(actor: Actor): boolean {
  if (isPlatformAdmin(actor)) return true;
  return actor.scopes === null && actor.grants.some((g) => g.role === 'office_admin' && g.orgPath.split('/').length === 3);
}

/** Reviewers and editors may read the dictionaries (to see why a word is flagged). */
export function canReadReviewSettings(actor: Actor): boolean {
  return canAnywhere(actor, 'document.review') || canAnywhere(actor, 'document.edit');
}
