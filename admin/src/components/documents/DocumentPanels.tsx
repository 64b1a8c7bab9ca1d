// Below the editor: catalog columns, links, effects on other documents and (normative documents) validity.
import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth';
import type { DocumentItem } from '../../types';
import { DocumentColumns } from './DocumentColumns';
import { EffectForm, ValidityView } from './DocumentEffects';
import { DocumentLinks } from './DocumentLinks';

export function DocumentPanels({ doc }: { doc: DocumentItem }) {
  const can = useCan();
  const editable = can('document.edit');
  // Bumped when an effect is recorded: the server adds a link, and the validity may change.
  const [relations, setRelations] = useState(0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title="所属栏目" style={{ height: '100%' }}>
          <DocumentColumns doc={doc} editable={editable} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="关联文件" style={{ height: '100%' }}>
          <DocumentLinks doc={doc} editable={editable} version={relations} />
        </Card>
      </Col>
      {editable && (
        <Col xs={24} xl={doc.normativeKind ? 12 : 24}>
          <Card title="对其他文件的效力">
            <EffectForm doc={doc} onAdded={() => setRelations((n) => n + 1)} />
          </Card>
        </Col>
      )}
      {doc.normativeKind && (
        <Col xs={24} xl={12}>
          <Card title="本文件效力（有效性）">
            <ValidityView doc={doc} version={relations} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
