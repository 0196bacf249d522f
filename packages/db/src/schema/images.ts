import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { bytea } from "./types";

/**
 * Small images an organization uploads (class thumbnails, and the posters of the catalog
 * videos made from those classes). Rows are immutable: a new image is a new row, so its
 * URL can be cached forever.
 */
export const images = pgTable(
  "images",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    contentType: text().$type<ImageContentType>().notNull(),
    bytes: bytea().notNull(),
    byteSize: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("images_tenant_idx").on(t.tenantId),
    check("images_content_type_check", sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check("images_size_check", sql`${t.byteSize} between 1 and 1048576`),
  ],
);

export type ImageContentType = "image/jpeg" | "image/png" | "image/webp";
