import type { Kysely } from 'kysely';

// The working-day calendar (issue 5): administrators' overrides per date, the years whose official schedule is
// loaded, and a version counter that app instances compare to know when to re-read (docs/calendar.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cal_override')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('source_title', 'text', (c) => c.notNull())
    .addColumn('source_number', 'text')
    .addColumn('note', 'text')
    .addColumn('schedule_year', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cal_override_schedule_year').on('cal_override').column('schedule_year').execute();

  await db.schema
    .createTable('cal_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_title', 'text', (c) => c.notNull())
    .addColumn('source_number', 'text')
    .addColumn('papers', 'text')
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('loaded_by', 'text')
    .addColumn('loaded_by_name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cal_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cal_state').execute();
  await db.schema.dropTable('cal_year').execute();
  await db.schema.dropTable('cal_override').execute();
}
