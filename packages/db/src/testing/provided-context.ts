/** What the global setup hands to every test worker. */
declare module "vitest" {
  // biome-ignore lint/style/useConsistentTypeDefinitions: only an interface can merge into vitest's declaration
  export interface ProvidedContext {
    testDatabase: { kind: "postgres"; url: string } | { kind: "pglite"; snapshotPath: string };
  }
}

export {};
