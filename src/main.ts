import pino from 'pino';
import { loadConfig } from './platform/config/load.ts';
import { assertReachable, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrator.ts';
import { createServices } from './container.ts';
import { bootstrap } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { startMaintenance } from './platform/jobs/maintenance.ts';

/** config → database → migrate → seed on first start → buildApp → listen. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const dbOptions = {
    databaseUrl: config.databaseUrl,
    sqliteFile: config.sqliteFile,
    poolSize: config.pgPoolSize,
    sqliteMmapMb: config.sqliteMmapMb,
  };
  const database = openDatabase(dbOptions);
  await assertReachable(database, dbOptions).catch(async (err) => {
    await database.close();
    throw err;
  });
  await migrateToLatest(database);
  const services = createServices(database, config, pino({ level: config.logLevel }));
  // Deadline code reads the calendar synchronously (services.calendar.current()): load the overrides before serving.
  await services.calendar.load();
  const app = await buildApp(services);
  const first = await bootstrap(services);
  if (first.seededOrganisations) app.log.info(`已创建 ${first.seededOrganisations} 个机构（${config.divisionsDir}）`);
  if (first.admin) {
    const line = first.admin.password
      ? `管理员账号 admin 的初始密码（只显示这一次，请立即登录修改）：${first.admin.password}`
      : '管理员账号 admin 已创建，密码取自 GONGKAI_ADMIN_PASSWORD';
    process.stdout.write(`\n========================================\n${line}\n========================================\n\n`);
  }
  const stopMaintenance = startMaintenance(database.db, services.outbox, app.log, [
    () => services.workflow.publishDue(),
    () => services.relations.refreshDueStatuses(),
    () => services.rescan.runDue(),
    () => services.calendar.refreshIfChanged(),
    () => services.requests.recordDueNotifications(),
    () => services.notifier.deliverDue(),
  ]);
  const close = async () => {
    stopMaintenance();
    await app.close();
    await services.outbox.idle();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    `Gongkai 已启动：http://localhost:${config.port}/ （管理后台 /admin，API 文档 /api/docs，数据库 ${database.dialect.name}）\n`,
  );
}
