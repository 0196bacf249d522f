import { Hono } from "hono";
import { bearerToken, findToken, isExpired } from "../auth.ts";
import type { Emulator } from "../context.ts";
import { GraphqlFailure, streamMinutes, unknownField } from "../graphql-minutes.ts";
import {
  type GraphqlField,
  type GraphqlOperation,
  GraphqlSyntaxError,
  parseOperations,
  resolveValue,
} from "../graphql-query.ts";
import type { Account, ApiToken } from "../types.ts";

type Caller = { account: Account; token: ApiToken };
type Variables = Record<string, unknown>;

const QUERY_ERROR = "query contains error, please review it and retry";
const keyOf = (field: GraphqlField) => field.alias ?? field.name;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The operation to run and its variables, defaults applied and required ones checked. */
function readRequest(body: unknown): { operation: GraphqlOperation; variables: Variables } {
  if (!isObject(body) || typeof body.query !== "string") throw new GraphqlFailure(400, QUERY_ERROR);
  let operations: GraphqlOperation[];
  try {
    operations = parseOperations(body.query);
  } catch (error) {
    if (error instanceof GraphqlSyntaxError) throw new GraphqlFailure(400, `${QUERY_ERROR}: ${error.message}`);
    throw error;
  }
  const name = typeof body.operationName === "string" ? body.operationName : null;
  const operation = name ? operations.find((o) => o.name === name) : operations.length === 1 ? operations[0] : null;
  if (!operation) throw new GraphqlFailure(400, `${QUERY_ERROR}: name the operation to run (operationName)`);
  if (operation.kind !== "query") throw new GraphqlFailure(400, `${QUERY_ERROR}: only queries are supported`);

  const given = isObject(body.variables) ? body.variables : {};
  const variables: Variables = {};
  for (const definition of operation.variables) {
    const value = given[definition.name] ?? (definition.defaultValue && resolveValue(definition.defaultValue, {}));
    if (definition.required && (value === null || value === undefined)) {
      throw new GraphqlFailure(
        400,
        `error parsing args: variable $${definition.name} (${definition.type}) is required`,
      );
    }
    variables[definition.name] = value ?? null;
  }
  return { operation, variables };
}

/** `accounts(filter: {accountTag})`: only the caller's own account, and only with Account Analytics Read. */
function resolveAccounts(emu: Emulator, caller: Caller, field: GraphqlField, variables: Variables, path: string[]) {
  const filter = field.args.filter ? resolveValue(field.args.filter, variables) : null;
  const tag = isObject(filter) ? filter.accountTag : undefined;
  if (typeof tag !== "string")
    throw new GraphqlFailure(400, "error parsing args: accounts needs filter: { accountTag }");
  if (tag !== caller.account.id || caller.token.analytics === false) {
    throw new GraphqlFailure(403, "not authorized for that account", path);
  }
  const account: Record<string, unknown> = {};
  for (const node of field.selections) {
    if (node.name !== "streamMinutesViewedAdaptiveGroups") throw unknownField(node, [...path, "0"]);
    account[keyOf(node)] = streamMinutes(emu, caller.account.id, node, variables, [...path, "0", keyOf(node)]);
  }
  return [account];
}

function resolveViewer(emu: Emulator, caller: Caller, operation: GraphqlOperation, variables: Variables) {
  const data: Record<string, unknown> = {};
  for (const viewer of operation.selections) {
    if (viewer.name !== "viewer") throw unknownField(viewer, []);
    const fields: Record<string, unknown> = {};
    for (const field of viewer.selections) {
      if (field.name !== "accounts") throw unknownField(field, [keyOf(viewer)]);
      fields[keyOf(field)] = resolveAccounts(emu, caller, field, variables, [keyOf(viewer), keyOf(field)]);
    }
    data[keyOf(viewer)] = fields;
  }
  return data;
}

/**
 * `POST /client/v4/graphql`, the GraphQL Analytics API, for the one node Stream bills by:
 * `streamMinutesViewedAdaptiveGroups`. Plain GraphQL answers (`{data, errors}`), not the v4 envelope.
 */
export function graphqlRoutes(emu: Emulator) {
  const app = new Hono();
  app.post("/", async (c) => {
    try {
      const found = findToken(emu, bearerToken(c.req.header("authorization")));
      if (!found || isExpired(emu, found.token)) throw new GraphqlFailure(401, "Unauthorized");
      const { operation, variables } = readRequest(await c.req.json().catch(() => null));
      return c.json({ data: resolveViewer(emu, found, operation, variables), errors: null });
    } catch (error) {
      if (!(error instanceof GraphqlFailure)) throw error;
      const where = error.path.length > 0 ? { path: error.path } : {};
      const extensions = { timestamp: emu.clock.now().toISOString() };
      return c.json({ data: null, errors: [{ message: error.message, ...where, extensions }] }, error.status);
    }
  });
  return app;
}
