import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestDatabase } from '../../../test/support/db.ts';
import { MemoryGateway, Notifier, Verification, maskAddress, normaliseAddress } from './index.ts';

async function setup(t: { after: (fn: () => Promise<void>) => void }, now = () => new Date('2026-12-01T02:00:00Z')) {
  const db = await createTestDatabase();
  const gateway = new MemoryGateway();
  const notifier = new Notifier(db.database.db, gateway);
  const verification = new Verification(db.database.db, notifier, { ttlMinutes: 10, maxAttempts: 3, resendSeconds: 60, perHour: 3 }, now);
  t.after(async () => {
    await notifier.idle();
    await db.dispose();
  });
  return { db: db.database.db, gateway, notifier, verification };
}

test('a queued message goes out only when its transaction commits; failures are retried; scrubbed after sending', async (t) => {
  const { db, gateway, notifier } = await setup(t);
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await notifier.queue(trx, { channel: 'sms', to: '13912345678', body: '回滚的消息', purpose: 'test' });
      throw new Error('rollback');
    }),
  );
  assert.equal(await notifier.deliverDue(), 0);
  await notifier.queue(db, { channel: 'email', to: 'a@example.com', subject: '答复', body: '您的问题已答复', purpose: 'qa.answered', ref: 'q1' });
  await notifier.queue(db, { channel: 'sms', to: '13912345678', body: '验证码 123456', purpose: 'verification', scrub: true, ref: 'q1' });
  gateway.failNext = 1;
  assert.equal(await notifier.deliverDue(), 1, 'the first send fails and waits for a retry');
  const failed = await db.selectFrom('ntf_message').selectAll().where('sent_at', 'is', null).executeTakeFirstOrThrow();
  assert.equal(failed.attempts, 1);
  assert.equal(failed.last_error, 'gateway unavailable');
  assert.ok(failed.available_at > new Date().toISOString(), 'retried later, not at once');
  await db.updateTable('ntf_message').set({ available_at: '2000-01-01T00:00:00Z' }).execute();
  assert.equal(await notifier.deliverDue(), 1);
  assert.deepEqual(gateway.sent.map((m) => m.body).sort(), ['您的问题已答复', '验证码 123456']);
  const rows = await db.selectFrom('ntf_message').select(['recipient', 'body', 'scrub']).orderBy('id').execute();
  assert.deepEqual(rows.find((r) => r.scrub === 1), { recipient: '139****5678', body: '（已发送，内容不再保留）', scrub: 1 });
  assert.equal(rows.find((r) => r.scrub === 0)?.body, '您的问题已答复');
  assert.deepEqual((await notifier.about('q1')).map((m) => [m.channel, m.to]).sort(), [['email', 'a***@example.com'], ['sms', '139****5678']]);
});

test('verification codes: right code once, wrong tries limited, expiry, resend interval and hourly cap', async (t) => {
  let clock = new Date('2026-12-01T02:00:00Z');
  const { gateway, notifier, verification } = await setup(t, () => clock);
  await assert.rejects(verification.issue('sms', '1391234567', 'comment', (c) => c), /VALIDATION_FAILED/);
  await verification.issue('sms', '+86 139-1234-5678', 'comment', (c) => `您的验证码是 ${c}`);
  await notifier.deliverDue();
  const code = /(\d{6})/.exec(gateway.lastTo('13912345678') ?? '')![1]!;
  assert.equal(await verification.consume('sms', '13912345678', 'other-purpose', code), false, 'bound to its purpose');
  const wrong = code === '000000' ? '000001' : '000000';
  assert.equal(await verification.consume('sms', '13912345678', 'comment', wrong), false);
  assert.equal(await verification.consume('sms', '0086 13912345678', 'comment', code), true);
  assert.equal(await verification.consume('sms', '13912345678', 'comment', code), false, 'used up');

  await assert.rejects(verification.issue('sms', '13912345678', 'comment', (c) => c), (e: Error & { fields?: { code: string }[] }) => e.fields?.[0]?.code === 'codeResendWait');
  clock = new Date(clock.getTime() + 61_000);
  await verification.issue('sms', '13912345678', 'comment', (c) => `码 ${c}`);
  await notifier.deliverDue();
  const second = /(\d{6})/.exec(gateway.lastTo('13912345678') ?? '')![1]!;
  const bad = second === '111111' ? '222222' : '111111';
  for (let i = 0; i < 3; i++) assert.equal(await verification.consume('sms', '13912345678', 'comment', bad), false);
  assert.equal(await verification.consume('sms', '13912345678', 'comment', second), false, 'dead after three wrong tries');

  clock = new Date(clock.getTime() + 61_000);
  await verification.issue('sms', '13912345678', 'comment', (c) => `码 ${c}`);
  clock = new Date(clock.getTime() + 61_000);
  await assert.rejects(verification.issue('sms', '13912345678', 'comment', (c) => c), (e: Error & { fields?: { code: string }[] }) => e.fields?.[0]?.code === 'codeTooMany');

  await verification.issue('email', 'Someone@Example.COM', 'comment', (c) => `码 ${c}`);
  await notifier.deliverDue();
  const mailCode = /(\d{6})/.exec(gateway.lastTo('someone@example.com') ?? '')![1]!;
  clock = new Date(clock.getTime() + 11 * 60_000);
  assert.equal(await verification.consume('email', 'someone@example.com', 'comment', mailCode), false, 'expired after ten minutes');
});

test('address normalisation and masking', () => {
  assert.equal(normaliseAddress('sms', '+86 139 1234 5678'), '13912345678');
  assert.equal(normaliseAddress('sms', '12912345678'), null);
  assert.equal(normaliseAddress('email', ' A.B@Gov.CN '), 'a.b@gov.cn');
  assert.equal(normaliseAddress('email', 'no-at-sign'), null);
  fc.assert(
    fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (m) => {
      const masked = maskAddress(m);
      return masked.length === 11 && masked.startsWith(m.slice(0, 3)) && masked.endsWith(m.slice(-4)) && masked.slice(3, 7) === '****';
    }),
  );
});
