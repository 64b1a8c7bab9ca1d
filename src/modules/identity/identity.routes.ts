import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireSessionUser, requireUser, SESSION_COOKIE } from '../../platform/http/request-context.ts';
import { publicFormRateLimit } from '../../platform/http/rate-limit-store.ts';
import { Id, IdParams, Ok, Paged } from '../../shared/schemas/common.ts';
import { canAnywhere, isPlatformAdmin, type Actor } from '../../platform/authz/actor.ts';
import { permissions } from '../../platform/authz/roles.ts';
import {
  ChangePassword, CreateToken, CreateUser, GrantRole, ListUsersQuery, Login, ResetPassword, Token, UpdateUser, User,
} from '../../shared/schemas/identity.ts';
import type { AuthService } from './auth.service.ts';
import type { UserService } from './users.service.ts';

export type IdentityRouteOptions = {
  auth: AuthService;
  users: UserService;
  cookieSecure: 'auto' | 'true' | 'false';
  sessionHours: number;
  loginRateLimit: number;
};

const Session = Type.Object({
  user: User,
  csrfToken: Type.String(),
  /** What the user may do somewhere in the tree, so the admin app shows only usable pages. */
  permissions: Type.Array(Type.String()),
  platformAdmin: Type.Boolean(),
});

const abilities = (actor: Actor) => ({
  permissions: permissions.filter((p) => canAnywhere(actor, p)),
  platformAdmin: isPlatformAdmin(actor),
});

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (app, opts) => {
  const { auth, users } = opts;
  const authTags = ['登录与会话 Auth'];
  const userTags = ['用户与角色 Users'];
  const tokenTags = ['API 令牌 Tokens'];

  app.post(
    '/auth/login',
    {
      schema: { tags: authTags, summary: '登录（设置会话 Cookie）', body: Login, response: { 200: Session } },
      config: publicFormRateLimit({ formRateLimit: opts.loginRateLimit }),
    },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
      const { token, session } = await auth.login(req.body.username, req.body.password, meta);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure === 'auto' ? req.protocol === 'https' : opts.cookieSecure === 'true',
        maxAge: opts.sessionHours * 3600,
      });
      return { user: await users.get(session.actor, session.actor.userId!), csrfToken: session.csrfToken, ...abilities(session.actor) };
    },
  );

  app.post('/auth/logout', { schema: { tags: authTags, summary: '退出登录', response: { 200: Ok } } }, async (req, reply) => {
    if (req.session) await auth.logout(req.actor, req.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { preHandler: requireSessionUser, schema: { tags: authTags, summary: '当前用户与 CSRF 令牌', response: { 200: Session } } }, async (req) => ({
    user: await users.get(req.actor, req.actor.userId!),
    csrfToken: req.session!.csrfToken,
    ...abilities(req.actor),
  }));

  app.post('/auth/password', { preHandler: requireSessionUser, schema: { tags: authTags, summary: '修改本人密码', body: ChangePassword, response: { 200: Ok } } }, async (req) => {
    await auth.changePassword(req.actor, req.session?.id ?? null, req.body.currentPassword, req.body.newPassword);
    return { ok: true };
  });

  app.register(async (instance) => {
    const scoped = instance.withTypeProvider<TypeBoxTypeProvider>();
    scoped.addHook('preHandler', requireUser);
    const UserIdParams = Type.Object({ id: Id }, { additionalProperties: false });

    scoped.get('/roles', { schema: { tags: userTags, summary: '角色列表', response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), description: Type.String() })) }) } } }, async () => ({
      items: users.roleList(),
    }));
    scoped.get('/users', { schema: { tags: userTags, summary: '分页查询用户', querystring: ListUsersQuery, response: { 200: Paged(User) } } }, (req) => users.list(req.actor, req.query));
    scoped.post('/users', { schema: { tags: userTags, summary: '新建用户', body: CreateUser, response: { 201: User } } }, async (req, reply) => {
      reply.status(201);
      return users.create(req.actor, req.body);
    });
    scoped.get('/users/:id', { schema: { tags: userTags, summary: '用户详情', params: IdParams, response: { 200: User } } }, (req) => users.get(req.actor, req.params.id));
    scoped.patch('/users/:id', { schema: { tags: userTags, summary: '修改用户', params: IdParams, body: UpdateUser, response: { 200: User } } }, (req) =>
      users.update(req.actor, req.params.id, req.body),
    );
    scoped.post('/users/:id/reset-password', { schema: { tags: userTags, summary: '重置密码', params: UserIdParams, body: ResetPassword, response: { 200: Ok } } }, async (req) => {
      await users.resetPassword(req.actor, req.params.id, req.body.password);
      return { ok: true };
    });
    scoped.post('/users/:id/unlock', { schema: { tags: userTags, summary: '解除锁定', params: UserIdParams, response: { 200: User } } }, (req) => users.unlock(req.actor, req.params.id));
    scoped.post('/users/:id/roles', { schema: { tags: userTags, summary: '授予角色', params: UserIdParams, body: GrantRole, response: { 201: User } } }, async (req, reply) => {
      reply.status(201);
      return users.grantRole(req.actor, req.params.id, req.body.role, req.body.organisationId);
    });
    scoped.delete(
      '/users/:id/roles/:grantId',
      { schema: { tags: userTags, summary: '撤销角色', params: Type.Object({ id: Id, grantId: Id }, { additionalProperties: false }), response: { 200: User } } },
      (req) => users.revokeRole(req.actor, req.params.id, req.params.grantId),
    );
  });

  app.register(async (instance) => {
    const scoped = instance.withTypeProvider<TypeBoxTypeProvider>();
    scoped.addHook('preHandler', requireSessionUser);
    scoped.get('/tokens/scopes', { schema: { tags: tokenTags, summary: '可申请的权限范围', response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }) } } }, async (req) => ({
      items: users.scopesFor(req.actor),
    }));
    scoped.get('/tokens', { schema: { tags: tokenTags, summary: 'API 令牌列表', response: { 200: Type.Object({ items: Type.Array(Token) }) } } }, async (req) => ({
      items: await users.listTokens(req.actor),
    }));
    scoped.post('/tokens', { schema: { tags: tokenTags, summary: '新建 API 令牌（密钥只显示一次）', body: CreateToken, response: { 201: Type.Object({ token: Type.String(), item: Token }) } } }, async (req, reply) => {
      reply.status(201);
      return users.createToken(req.actor, req.body);
    });
    scoped.delete('/tokens/:id', { schema: { tags: tokenTags, summary: '撤销 API 令牌', params: IdParams } }, async (req, reply) => {
      await users.revokeToken(req.actor, req.params.id);
      return reply.status(204).send();
    });
  });
};
