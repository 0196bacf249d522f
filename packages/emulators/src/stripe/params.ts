import qs from "qs";
import { badRequest, emptyParam, invalidParam, missingParam, unknownParam } from "./errors.ts";
import type { Metadata } from "./types.ts";

type Data = Record<string, unknown>;

/** Stripe's form encoding: `a[b][0][c]=v`; every leaf is a string, `""` means "unset". */
export function parseForm(text: string): Data {
  return qs.parse(text, { depth: 10, arrayLimit: 1000 }) as Data;
}

const isData = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads request parameters with Stripe's validation errors, naming nested params as `line_items[0][price]`. */
export class Params {
  constructor(
    readonly data: Data,
    private readonly prefix = "",
  ) {}

  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.data[key] !== undefined;
  }

  /** Rejects parameters the endpoint does not know, as Stripe does (`expand` is always allowed). */
  allow(...keys: string[]): this {
    for (const key of Object.keys(this.data)) {
      if (key !== "expand" && !keys.includes(key)) throw unknownParam(this.name(key));
    }
    return this;
  }

  string(key: string, options: { max?: number } = {}): string | undefined {
    const value = this.data[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw invalidParam(this.name(key), `Invalid string: ${JSON.stringify(value)}`);
    if (value.length > (options.max ?? 5000)) {
      throw invalidParam(
        this.name(key),
        `Invalid ${this.name(key)}: must be at most ${options.max ?? 5000} characters`,
      );
    }
    return value;
  }

  required(key: string, options: { max?: number } = {}): string {
    const value = this.string(key, options);
    if (value === undefined) throw missingParam(this.name(key));
    if (value === "") throw emptyParam(this.name(key));
    return value;
  }

  /** A string that may be unset with `""` (returns `null`). */
  nullable(key: string, options: { max?: number } = {}): string | null | undefined {
    const value = this.string(key, options);
    return value === "" ? null : value;
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!values.includes(value as T)) {
      throw invalidParam(this.name(key), `Invalid ${this.name(key)}: must be one of ${values.join(", ")}`);
    }
    return value as T;
  }

  int(key: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value === "") throw emptyParam(this.name(key));
    const number = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(number)) {
      throw invalidParam(this.name(key), `Invalid integer: ${value}`, "parameter_invalid_integer");
    }
    if (number < min || number > max) {
      throw invalidParam(this.name(key), `Invalid ${this.name(key)}: must be between ${min} and ${max}`);
    }
    return number;
  }

  bool(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== "true" && value !== "false") {
      throw invalidParam(this.name(key), `Invalid boolean: ${value}`);
    }
    return value === "true";
  }

  object(key: string): Params | undefined {
    const value = this.data[key];
    if (value === undefined || value === "") return undefined;
    if (!isData(value)) throw invalidParam(this.name(key), `Invalid object`);
    return new Params(value, this.name(key));
  }

  /** `a[0][b]=…` arrives as an array (or, past qs's array limit, as an object keyed by index). */
  list(key: string): Params[] | undefined {
    const value = this.data[key];
    if (value === undefined) return undefined;
    const items = Array.isArray(value) ? value : isData(value) ? Object.values(value) : null;
    if (!items) throw invalidParam(this.name(key), `Invalid array`);
    return items.map((item, index) => {
      if (!isData(item)) throw invalidParam(`${this.name(key)}[${index}]`, "Invalid object");
      return new Params(item, `${this.name(key)}[${index}]`);
    });
  }

  strings(key: string): string[] | undefined {
    const value = this.data[key];
    if (value === undefined) return undefined;
    const items = Array.isArray(value) ? value : isData(value) ? Object.values(value) : [value];
    if (!items.every((item): item is string => typeof item === "string")) {
      throw invalidParam(this.name(key), "Invalid array");
    }
    return items;
  }

  expand(): string[] {
    return this.prefix ? [] : (this.strings("expand") ?? []);
  }

  /** New metadata: `metadata=""` clears it, `metadata[key]=""` removes that key, other keys merge. */
  metadata(current: Metadata = {}, key = "metadata"): Metadata {
    const value = this.data[key];
    if (value === undefined) return current;
    if (value === "") return {};
    if (!isData(value)) throw invalidParam(this.name(key), "Invalid metadata: must be a hash");
    const next = { ...current };
    for (const [field, entry] of Object.entries(value)) {
      if (typeof entry !== "string") throw invalidParam(`${this.name(key)}[${field}]`, "Invalid metadata value");
      if (field.length > 40) throw badRequest(`Metadata keys can have up to 40 characters: ${field}`, this.name(key));
      if (entry.length > 500) throw badRequest("Metadata values can have up to 500 characters", this.name(key));
      if (entry === "") delete next[field];
      else next[field] = entry;
    }
    if (Object.keys(next).length > 50) throw badRequest("Metadata can have up to 50 keys", this.name(key));
    return next;
  }
}
