import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from '../../shared/schemas/common.ts';

export const EditionParams = Type.Object({ id: Id, editionId: Id }, { additionalProperties: false });
export const AttachmentParams = Type.Object({ id: Id, editionId: Id, attId: Id }, { additionalProperties: false });

export const UploadQuery = Type.Object(
  {
    /** The file's name as the user chose it; its extension must agree with the content. */
    filename: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const DownloadQuery = Type.Object({ download: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true')])) }, { additionalProperties: false });

export const UpdateAttachment = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    accessible: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    /** Makes this HTML attachment the accessible version of a PDF attachment of the same edition (null unlinks). */
    htmlVersionOf: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ReorderAttachments = Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }) }, { additionalProperties: false });

export const Attachment = Type.Object({
  id: Type.String(),
  editionId: Type.String(),
  name: Type.String(),
  mime: Type.String(),
  /** pdf, docx, xlsx, image, html, text. */
  kind: Type.String(),
  size: Type.Integer(),
  accessible: Type.Boolean(),
  htmlVersionOf: Nullable(Type.String()),
  /** An HTML attachment that stands in for a PDF: listed first and offered as the version to read. */
  preferred: Type.Boolean(),
  /** A PDF that has an HTML version: offered as 原件下载. */
  original: Type.Boolean(),
  sortOrder: Type.Integer(),
  /** Characters of text extracted for search and review (0 for images). */
  textChars: Type.Integer(),
  url: Type.String(),
  createdAt: Type.String(),
});

export const AttachmentList = Type.Object({ items: Type.Array(Attachment) });

export type AttachmentDto = Static<typeof Attachment>;
export type UpdateAttachmentInput = Static<typeof UpdateAttachment>;
