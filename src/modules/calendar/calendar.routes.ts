import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Nullable } from '../../shared/schemas/common.ts';
import { MAX_WORKING_DAYS, type CalendarService } from './calendar.service.ts';
import { MAX_YEAR, MIN_YEAR } from './schedule-file.ts';

const tags = ['工作日历 Calendar'];
const Kind = Type.Union([Type.Literal('holiday'), Type.Literal('workday')]);
const Year = Type.Integer({ minimum: MIN_YEAR, maximum: MAX_YEAR });
// Dates are checked by the service (a real date, not only the shape), so 2026-02-30 gets a clear message.
const DateText = Type.String({ minLength: 1, maxLength: 20 });
const DateParams = Type.Object({ date: DateText }, { additionalProperties: false });
const YearParams = Type.Object({ year: Year }, { additionalProperties: false });
const Source = { sourceTitle: Type.String({ minLength: 1, maxLength: 200 }), sourceNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))) };
const OverrideBody = Type.Object(
  {
    kind: Kind,
    name: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    ...Source,
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
const Override = Type.Object({
  date: Type.String(),
  kind: Kind,
  name: Nullable(Type.String()),
  sourceTitle: Type.String(),
  sourceNumber: Nullable(Type.String()),
  note: Nullable(Type.String()),
  scheduleYear: Nullable(Type.Integer()),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const Day = Type.Object({
  date: Type.String(),
  working: Type.Boolean(),
  kind: Type.Union([Type.Literal('ordinary'), Kind]),
  source: Nullable(Type.Union([Type.Literal('chinese-days'), Type.Literal('override')])),
  name: Nullable(Type.String()),
  weekend: Type.Boolean(),
  sourceTitle: Nullable(Type.String()),
  sourceNumber: Nullable(Type.String()),
});
const YearStatus = Type.Object({
  year: Type.Integer(),
  scheduled: Type.Boolean(),
  source: Nullable(Type.Union([Type.Literal('chinese-days'), Type.Literal('import'), Type.Literal('manual')])),
  sourceTitle: Nullable(Type.String()),
  sourceNumber: Nullable(Type.String()),
  papers: Type.Array(Type.String()),
  days: Nullable(Type.Integer()),
  loadedAt: Nullable(Type.String()),
  loadedBy: Nullable(Type.String()),
  builtin: Type.Boolean(),
});

export const calendarRoutes: FastifyPluginAsyncTypebox<{ calendar: CalendarService }> = async (app, { calendar }) => {
  // ---- public: the holiday schedule and deadline arithmetic are public information
  app.get(
    '/calendar/working-days',
    {
      schema: {
        tags,
        summary: '第 N 个工作日（起算日不计入；跨入未导入安排的年份时 provisional 为 true）',
        security: [],
        querystring: Type.Object({ from: DateText, days: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ date: Type.String(), provisional: Type.Boolean() }) },
      },
    },
    (req) => calendar.addWorkingDays(req.query.from, req.query.days),
  );
  app.get(
    '/calendar/days',
    {
      schema: {
        tags,
        summary: '某年的节假日、调休上班日和手工调整（含来源）',
        security: [],
        querystring: Type.Object({ year: Year }, { additionalProperties: false }),
        response: { 200: Type.Object({ year: Type.Integer(), scheduled: Type.Boolean(), items: Type.Array(Day) }) },
      },
    },
    (req) => calendar.days(req.query.year),
  );
  app.get(
    '/calendar/years',
    {
      schema: {
        tags,
        summary: '各年度节假日安排是否已载入及其来源',
        security: [],
        response: { 200: Type.Object({ today: Type.String(), nextYear: Type.Integer(), nextYearScheduled: Type.Boolean(), items: Type.Array(YearStatus) }) },
      },
    },
    () => calendar.yearStatus(),
  );

  // ---- administration: platform system administrators; every change audited
  app.get(
    '/calendar/overrides',
    { schema: { tags, summary: '某年的手工调整（需系统管理员）', querystring: Type.Object({ year: Year }, { additionalProperties: false }), response: { 200: Type.Object({ year: Type.Integer(), items: Type.Array(Override) }) } } },
    (req) => calendar.listOverrides(req.actor, req.query.year),
  );
  app.put(
    '/calendar/overrides/:date',
    { schema: { tags, summary: '设置某日为节假日或调休上班日（需系统管理员，须注明来源文件）', params: DateParams, body: OverrideBody, response: { 200: Override } } },
    (req) => calendar.putOverride(req.actor, req.params.date, req.body),
  );
  app.delete('/calendar/overrides/:date', { schema: { tags, summary: '删除某日的手工调整（需系统管理员）', params: DateParams } }, async (req, reply) => {
    await calendar.removeOverride(req.actor, req.params.date);
    return reply.status(204).send();
  });
  app.post(
    '/calendar/import',
    {
      bodyLimit: 1_048_576,
      schema: {
        tags,
        summary: '导入一年的节假日安排（holiday-cn JSON：{year, papers, days: [{name, date, isOffDay}]}，替换该年的调整；需系统管理员）',
        querystring: Type.Object({ sourceTitle: Type.Optional(Type.String({ maxLength: 200 })), sourceNumber: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ year: Type.Integer(), days: Type.Integer(), holidays: Type.Integer(), workdays: Type.Integer(), replaced: Type.Integer() }) },
      },
    },
    (req) => calendar.importSchedule(req.actor, req.body, req.query),
  );
  app.put(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '标记某年的节假日安排已手工录入完毕（需系统管理员）',
        params: YearParams,
        body: Type.Object(Source, { additionalProperties: false }),
        response: { 200: YearStatus },
      },
    },
    (req) => calendar.markYearLoaded(req.actor, req.params.year, req.body),
  );
  app.delete('/calendar/years/:year', { schema: { tags, summary: '取消某年“已载入”的标记（调整保留；需系统管理员）', params: YearParams } }, async (req, reply) => {
    await calendar.unmarkYear(req.actor, req.params.year);
    return reply.status(204).send();
  });
};
