export {
  type DatabaseHandle,
  type DatabaseOptions,
  type Db,
  type DbOrTx,
  openDatabase,
  pingDatabase,
  type Tx,
} from "./client";
export { migrateDatabase } from "./migrate";
export { migrationsFolder } from "./paths";
export * from "./schema";
export { DEMO_TENANT, type DemoLogin, seedDemo } from "./seed";
