// The annual-report module's public surface (条例第四十九、五十条). Tables 3 and 4 so far; the rest of the report
// grows here.
export { ReportsService, FIRST_REPORT_YEAR, type ReportScope, type RequestStatistics } from './reports.service.ts';
export { reportRoutes } from './reports.routes.ts';
export { requestTablesXlsx } from './request-tables.xlsx.ts';
export * from './domain/request-tables.ts';
