// Attachments in the admin editor: an editor uploads a PDF to a draft and marks it 无障碍; once the document is
// published the file is listed on the portal page and downloads. Both pages pass axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortal, axeViolations, screenshot, type Portal } from './support/browser.ts';
import { buildDraft, buildUser, orgByName } from '../support/factories.ts';
import { minimalPdf } from '../../src/platform/files/test-fixtures.ts';

const PASSWORD = 'attach-flow-password-1';

async function staff(portal: Portal, orgId: string, role: string) {
  const user = await buildUser(portal.services, orgId, [{ role, orgId }]);
  const headers = await portal.login(user.username, user.password);
  const res = await portal.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: user.password, newPassword: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  return { ...user, headers: await portal.login(user.username, PASSWORD) };
}

test('an editor uploads an attachment in the editor; after publishing it is on the portal page', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-attach-browser-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const portal = await startPortal(t, { GONGKAI_DATA_DIR: dataDir });
  const org = await orgByName(portal.services, '宜昌市司法局');
  const editor = await staff(portal, org.id, 'editor');
  const reviewer = await staff(portal, org.id, 'reviewer');
  const draft = await buildDraft(portal.services, org.id, editor.id, '关于公布法律援助服务网点的通知');

  const page = await portal.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`/admin/documents?edit=${draft.id}`);
  await page.getByLabel('用户名').fill(editor.username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('暂无附件').waitFor();

  // A file whose content disagrees with its name is refused with the server's Chinese reason.
  await page.locator('input[type=file]').setInputFiles({ name: '网点.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>x</script></html>') });
  await page.getByText(/附件内容与扩展名不符/).waitFor();

  await page.locator('input[type=file]').setInputFiles({ name: '法律援助服务网点.pdf', mimeType: 'application/pdf', buffer: minimalPdf([['Legal aid service points']]) });
  const row = page.getByRole('row', { name: /法律援助服务网点\.pdf/ });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /PDF/);
  await page.getByRole('switch', { name: '无障碍：法律援助服务网点.pdf' }).click();
  await page.waitForFunction(() => document.querySelector('[role="switch"][aria-checked="true"]') !== null);
  assert.deepEqual(await axeViolations(page), [], 'the editor with its attachment panel has no WCAG violations');
  await screenshot(page, 'admin-doc-attachments');

  for (const [headers, action] of [[editor.headers, 'submit'], [reviewer.headers, 'approve'], [reviewer.headers, 'publish']] as const) {
    const res = await portal.app.inject({ method: 'POST', url: `/api/v1/documents/${draft.id}/actions`, headers, payload: { action } });
    assert.equal(res.statusCode, 200, res.body);
  }

  const reader = await portal.newPage();
  await reader.goto(`/documents/${draft.slug}`);
  const section = reader.getByRole('region', { name: '附件' });
  const link = section.getByRole('link', { name: '法律援助服务网点.pdf' });
  await link.waitFor();
  assert.match((await section.textContent()) ?? '', /PDF，\d+ KB/);
  assert.match((await section.textContent()) ?? '', /无障碍/);
  const download = await reader.request.get((await link.getAttribute('href'))!);
  assert.equal(download.status(), 200);
  assert.equal(download.headers()['content-type'], 'application/pdf');
  assert.deepEqual(await axeViolations(reader), [], 'the portal page with attachments has no WCAG violations');
});
