// Shapes the portal reads from the services, derived from their signatures so the portal never imports a
// module's internals.
import type { Services } from '../container.ts';

export type PublicDocument = Awaited<ReturnType<Services['documents']['getPublic']>>;
export type DocumentLink = Awaited<ReturnType<Services['relations']['links']>>[number];
export type Validity = Awaited<ReturnType<Services['relations']['validity']>>;
export type ChangeLogEntry = Awaited<ReturnType<Services['documents']['changeLog']>>[number];
export type Column = Awaited<ReturnType<Services['catalog']['columns']>>[number];
export type ColumnListing = Awaited<ReturnType<Services['catalog']['publishedIn']>>;

/** One line of a document list, whatever service it came from. */
export type DocRow = {
  id: string;
  href: string;
  title: string;
  docNo: string | null;
  publishedOn: string | null;
  organisationName?: string;
  validity?: { status: string; name: string } | null;
};
