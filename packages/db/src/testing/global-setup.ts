import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { migrationsFolder } from "../paths";
import "./provided-context";

/**
 * Runs once per test run: migrates a database every worker then shares.
 * With DATABASE_URL, a fresh database is created on that server (and dropped afterwards),
 * so runs never see each other's rows; without it, a migrated PGlite snapshot is written
 * to a temp file that each worker loads in well under a second.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `marquee_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString(), maxConnections: 2 });
    try {
      await migrateDatabase(handle, migrationsFolder);
    } catch (error) {
      await drop();
      throw error;
    } finally {
      await handle.close();
    }
    project.provide("testDatabase", { kind: "postgres", url: url.toString() });
    return drop;
  }

  const handle = await openDatabase({});
  await migrateDatabase(handle, migrationsFolder);
  if (handle.driver !== "pglite") throw new Error("expected an embedded database");
  const snapshot = await handle.client.dumpDataDir("none");
  await handle.close();
  const snapshotPath = join(tmpdir(), `marquee-test-${process.pid}-${randomBytes(3).toString("hex")}.tar`);
  await writeFile(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  project.provide("testDatabase", { kind: "pglite", snapshotPath });
  return () => rm(snapshotPath, { force: true });
}
