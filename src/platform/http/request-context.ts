import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymousActor, type Actor } from '../authz/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { AuthService } from '../../modules/identity/index.ts';

export const SESSION_COOKIE = 'gk_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Set when the actor came from a session cookie. */
    session: { id: string; csrfToken: string } | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (session cookie or bearer API token) once per request, and enforces CSRF for
 * cookie-authenticated writes: the session's token must come back in the `x-csrf-token` header (or a `_csrf` form
 * field for the no-JavaScript portal forms). Tokens are not sent automatically by browsers, so bearer calls need none.
 */
export function registerRequestContext(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id };
    request.actor = anonymousActor(request.ip, request.id);
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await auth.resolveToken(authorization.slice(7).trim(), meta);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await auth.resolveSession(cookie, meta);
      if (session) {
        request.actor = session.actor;
        request.session = { id: session.sessionId, csrfToken: session.csrfToken };
      }
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.session || !UNSAFE.has(request.method)) return;
    // Anonymous portal forms with their own double-submit token (multipart bodies are read by the handler, so the
    // session token cannot be found here); they never act with the session's authority.
    if ((request.routeOptions.config as { anonymousForm?: boolean } | undefined)?.anonymousForm) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent = request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
    if (sent !== request.session.csrfToken) throw new ForbiddenError('CSRF_INVALID');
  });
}

/** Route guard: a signed-in user or an API token. */
export async function requireUser(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (request.actor.kind !== 'user' && request.actor.kind !== 'token') throw new UnauthenticatedError();
}

/** Route guard: a signed-in user (sessions only; tokens cannot manage sessions or tokens). */
export async function requireSessionUser(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (request.actor.kind !== 'user') throw new UnauthenticatedError();
}
