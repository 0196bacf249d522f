import type postgres from "postgres";

type Definition = { name: string; definition: string };

/**
 * Drops `table`'s indexes and keys before a bulk load and returns what puts them back exactly
 * as they were (their definitions are read from the catalog, so they follow the migrations).
 * Checking three foreign keys and inserting into every btree row by row costs several times
 * the rows themselves; building each once at the end and validating each key in one join does
 * not (PostgreSQL's "Populating a Database" advice). Inside the caller's transaction, so a
 * failure leaves the table as it was.
 */
export async function dropIndexes(sql: postgres.TransactionSql, table: string) {
  const constraints = await sql<Definition[]>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = ${table}::regclass and contype in ('p', 'u', 'f')
    order by contype = 'f', conname`;
  const indexes = await sql<Definition[]>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
    order by c.relname`;
  for (const constraint of [...constraints].reverse()) {
    await sql`alter table ${sql(table)} drop constraint ${sql(constraint.name)}`;
  }
  for (const index of indexes) await sql`drop index ${sql(index.name)}`;
  return async () => {
    for (const constraint of constraints) {
      await sql.unsafe(`alter table "${table}" add constraint "${constraint.name}" ${constraint.definition}`);
    }
    for (const index of indexes) await sql.unsafe(index.definition);
  };
}
