/**
 * Just enough GraphQL to read analytics queries: operations with variable definitions, fields with aliases,
 * arguments and selections, and every literal kind. Fragments and directives are refused.
 */

export type GraphqlValue =
  | { kind: "variable"; name: string }
  | { kind: "literal"; value: unknown }
  | { kind: "list"; items: GraphqlValue[] }
  | { kind: "object"; fields: Record<string, GraphqlValue> };

export type GraphqlField = {
  alias: string | null;
  name: string;
  args: Record<string, GraphqlValue>;
  selections: GraphqlField[];
};

export type VariableDefinition = { name: string; type: string; required: boolean; defaultValue: GraphqlValue | null };

export type GraphqlOperation = {
  kind: string;
  name: string | null;
  variables: VariableDefinition[];
  selections: GraphqlField[];
};

export class GraphqlSyntaxError extends Error {}

const tokenPattern =
  /\s+|,|#[^\n]*|("""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)|(\.\.\.|[!$():=@[\]{}|])/y;

type Token = { kind: "string" | "number" | "name" | "punct"; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < source.length) {
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(source);
    if (!match) throw new GraphqlSyntaxError(`unexpected character at ${at}: ${source.slice(at, at + 10)}`);
    const [, string, number, name, punct] = match;
    if (string !== undefined) tokens.push({ kind: "string", text: string });
    else if (number !== undefined) tokens.push({ kind: "number", text: number });
    else if (name !== undefined) tokens.push({ kind: "name", text: name });
    else if (punct !== undefined) tokens.push({ kind: "punct", text: punct });
  }
  return tokens;
}

function stringValue(text: string): string {
  if (text.startsWith('"""')) return text.slice(3, -3).trim();
  return JSON.parse(text) as string;
}

/** Parses a query document; throws GraphqlSyntaxError with a message for the client. */
export function parseOperations(source: string): GraphqlOperation[] {
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index];
  const isPunct = (text: string) => peek()?.kind === "punct" && peek()?.text === text;
  const next = () => {
    const token = tokens[index++];
    if (!token) throw new GraphqlSyntaxError("unexpected end of query");
    return token;
  };
  const expect = (text: string) => {
    const token = next();
    if (token.text !== text) throw new GraphqlSyntaxError(`expected "${text}", found "${token.text}"`);
  };
  const name = () => {
    const token = next();
    if (token.kind !== "name") throw new GraphqlSyntaxError(`expected a name, found "${token.text}"`);
    return token.text;
  };

  const value = (): GraphqlValue => {
    const token = next();
    if (token.kind === "punct" && token.text === "$") return { kind: "variable", name: name() };
    if (token.kind === "punct" && token.text === "[") {
      const items: GraphqlValue[] = [];
      while (!isPunct("]")) items.push(value());
      expect("]");
      return { kind: "list", items };
    }
    if (token.kind === "punct" && token.text === "{") {
      const fields: Record<string, GraphqlValue> = {};
      while (!isPunct("}")) {
        const key = name();
        expect(":");
        fields[key] = value();
      }
      expect("}");
      return { kind: "object", fields };
    }
    if (token.kind === "string") return { kind: "literal", value: stringValue(token.text) };
    if (token.kind === "number") return { kind: "literal", value: Number(token.text) };
    if (token.kind === "name") {
      const keywords: Record<string, unknown> = { true: true, false: false, null: null };
      return { kind: "literal", value: token.text in keywords ? keywords[token.text] : token.text };
    }
    throw new GraphqlSyntaxError(`unexpected "${token.text}"`);
  };

  const selectionSet = (): GraphqlField[] => {
    expect("{");
    const fields: GraphqlField[] = [];
    while (!isPunct("}")) {
      if (isPunct("...")) throw new GraphqlSyntaxError("fragments are not supported by the emulator");
      let alias: string | null = null;
      let fieldName = name();
      if (isPunct(":")) {
        next();
        alias = fieldName;
        fieldName = name();
      }
      const args: Record<string, GraphqlValue> = {};
      if (isPunct("(")) {
        next();
        while (!isPunct(")")) {
          const key = name();
          expect(":");
          args[key] = value();
        }
        expect(")");
      }
      if (isPunct("@")) throw new GraphqlSyntaxError("directives are not supported by the emulator");
      fields.push({ alias, name: fieldName, args, selections: isPunct("{") ? selectionSet() : [] });
    }
    expect("}");
    return fields;
  };

  const typeRef = (): string => {
    if (isPunct("[")) {
      next();
      const inner = typeRef();
      expect("]");
      return `[${inner}]${isPunct("!") ? next().text : ""}`;
    }
    const type = name();
    return isPunct("!") ? `${type}${next().text}` : type;
  };

  const operations: GraphqlOperation[] = [];
  while (index < tokens.length) {
    if (isPunct("{")) {
      operations.push({ kind: "query", name: null, variables: [], selections: selectionSet() });
      continue;
    }
    const kind = name();
    if (kind === "fragment") throw new GraphqlSyntaxError("fragments are not supported by the emulator");
    const operationName = peek()?.kind === "name" ? name() : null;
    const variables: VariableDefinition[] = [];
    if (isPunct("(")) {
      next();
      while (!isPunct(")")) {
        expect("$");
        const variable = name();
        expect(":");
        const type = typeRef();
        let defaultValue: GraphqlValue | null = null;
        if (isPunct("=")) {
          next();
          defaultValue = value();
        }
        variables.push({ name: variable, type, required: type.endsWith("!"), defaultValue });
      }
      expect(")");
    }
    operations.push({ kind, name: operationName, variables, selections: selectionSet() });
  }
  return operations;
}

/** The plain value of an argument, variables substituted (an unset variable is null, as GraphQL has it). */
export function resolveValue(value: GraphqlValue, variables: Record<string, unknown>): unknown {
  switch (value.kind) {
    case "variable":
      return variables[value.name] ?? null;
    case "literal":
      return value.value;
    case "list":
      return value.items.map((item) => resolveValue(item, variables));
    case "object":
      return Object.fromEntries(
        Object.entries(value.fields).map(([key, field]) => [key, resolveValue(field, variables)]),
      );
  }
}
