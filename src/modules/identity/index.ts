// The identity module's public surface: users, roles, sessions and API tokens.
export { AuthService, formatLocal, type AuthSettings, type SessionInfo } from './auth.service.ts';
export { UserService } from './users.service.ts';
export { identityRoutes } from './identity.routes.ts';
export { generatePassword, isAcceptablePassword } from './passwords.ts';
