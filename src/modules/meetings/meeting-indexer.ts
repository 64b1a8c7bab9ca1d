// Published meetings in the shared search index (kind 'meeting', facet 会议), kept current from MEETING_CHANGED
// events; what is indexed is the public view, so a confidential decided item is never searchable.
import { RecordIndexer, type SearchProvider } from '../../platform/search/index.ts';
import { MEETING_CHANGED, type MeetingService } from './meetings.service.ts';

export function meetingIndexer(meetings: MeetingService, search: SearchProvider): RecordIndexer {
  return new RecordIndexer(search, {
    topic: MEETING_CHANGED,
    idField: 'meetingId',
    load: (id) => meetings.indexable(id),
    publicIds: () => meetings.publicIds(),
  });
}
