import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { expect } from "vitest";

type Json = Record<string, unknown>;

// The repo's parent holds shared/ on every machine and in CI.
const spec = JSON.parse(
  readFileSync(new URL("../../../../shared/cloudflare-stream-openapi.json", import.meta.url), "utf8"),
) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: { "application/json"?: { schema?: Json } } }> }>
  >;
  components: { schemas: Record<string, Json> };
};

/**
 * Drift between the 2024 spec and today's API, as the fact sheet records it (§3.4, §3.7, §9.1, §12.7): these
 * fields come back as null, `live-inprogress` is a state, storage minutes may be decimal, 36,000 s is the max.
 */
const schemas = spec.components.schemas;
const nullable = [
  "stream_creator",
  "stream_scheduledDeletion",
  "stream_oneTimeUploadExpiry",
  "stream_readyToStreamAt",
  "stream_uploaded",
  "stream_maxDurationSeconds",
  "stream_liveInput",
  "stream_watermarks",
  "stream_live_input_recording_deletion",
  "stream_live_input_recording_allowedOrigins",
];
for (const name of nullable) Object.assign(schemas[name] ?? {}, { nullable: true });
const states = schemas.stream_media_state?.enum as string[] | undefined;
states?.push("live-inprogress");
Object.assign(schemas.stream_maxDurationSeconds ?? {}, { maximum: 36_000 });
const storage = (schemas.stream_storage_use_response?.allOf as Json[] | undefined)?.[1] as
  | { properties: { result: { properties: Json } } }
  | undefined;
if (storage) storage.properties.result.properties.totalStorageMinutes = { type: "number" };

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ components: spec.components }, "openapi");
const rewrite = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === "$ref" && typeof value === "string" ? `openapi${value}` : rewrite(value),
      ]),
    );
  }
  return node;
};

/** Validates a response body against the spec's schema for that operation and status, when the spec has one. */
export function expectMatchesSpec(method: string, path: string, status: number, body: unknown): boolean {
  const responses = spec.paths[path]?.[method.toLowerCase()]?.responses;
  if (!responses) throw new Error(`No ${method} ${path} in the OpenAPI file`);
  const schema = (responses[String(status)] ?? (status >= 400 ? responses["4XX"] : undefined))?.content?.[
    "application/json"
  ]?.schema;
  if (!schema || Object.keys(schema).length === 0) return false;
  const validate = ajv.compile(rewrite(schema) as Json);
  const valid = validate(body);
  expect(
    valid,
    `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 600)}`,
  ).toBe(true);
  return true;
}
