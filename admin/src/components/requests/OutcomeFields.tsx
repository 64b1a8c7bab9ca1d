// Answer type exactly as the API lists it (annual-report table 3): first the category (予以公开, 部分公开, 不予公开 …),
// then the specific row within it; shows the default legal basis the letter will carry.
import { Form, Input, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Vocabulary } from './api';

export function OutcomeFields({ form, vocabulary, label, withBasis }: { form: FormInstance; vocabulary: Vocabulary; label: string; withBasis?: boolean }) {
  const group = Form.useWatch('group', form) as string | undefined;
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const groups = [...new Set(vocabulary.outcomes.map((o) => o.group))];
  const inGroup = vocabulary.outcomes.filter((o) => o.group === group);
  const chosen = vocabulary.outcomes.find((o) => o.value === outcome);
  return (
    <>
      <Form.Item label={`${label}：类别`} name="group" rules={[{ required: true, message: '请选择答复类别' }]}>
        <Select
          aria-label={`${label}类别`}
          options={groups.map((g) => ({ value: g, label: g }))}
          onChange={(g: string) => {
            const rows = vocabulary.outcomes.filter((o) => o.group === g);
            form.setFieldValue('outcome', rows.length === 1 ? rows[0]!.value : undefined);
          }}
        />
      </Form.Item>
      <Form.Item label={`${label}：具体情形`} name="outcome" rules={[{ required: true, message: '请选择具体情形' }]}>
        <Select aria-label={`${label}具体情形`} disabled={!group} options={inGroup.map((o) => ({ value: o.value, label: o.name }))} />
      </Form.Item>
      {chosen && (
        <Typography.Paragraph type="secondary" data-testid="default-basis">
          默认法律依据：{chosen.basis || '（无）'}
        </Typography.Paragraph>
      )}
      {withBasis && (
        <Form.Item label="补充法律依据（可选，附在默认依据之后）" name="basis">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      )}
    </>
  );
}
