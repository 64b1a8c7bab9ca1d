// The audit module's public surface (the read side; writing is platform/audit, inside each unit of work).
export { AuditService } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
