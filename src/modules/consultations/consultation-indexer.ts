// Published and concluded consultations in the shared search index (kind 'consultation', facet 意见征集), kept
// current from CONSULTATION_CHANGED events; a withdrawn or deleted one leaves it.
import { RecordIndexer, type SearchProvider } from '../../platform/search/index.ts';
import { CONSULTATION_CHANGED, type ConsultationService } from './consultations.service.ts';

export function consultationIndexer(consultations: ConsultationService, search: SearchProvider): RecordIndexer {
  return new RecordIndexer(search, {
    topic: CONSULTATION_CHANGED,
    idField: 'consultationId',
    load: (id) => consultations.indexable(id),
    publicIds: () => consultations.publicIds(),
  });
}
