import { Migration } from '@mikro-orm/migrations'

/** The fact tables: every row a till writes that later scale-out must merge (DESIGN §4). */
const FACT_TABLES = [
  { table: 'invoice', at: 'paid_at' },
  { table: 'token_ledger_entry', at: 'at' },
  { table: 'stock_movement', at: 'at' },
  { table: 'audit_entry', at: 'at' },
] as const

/** Random hex of `bytes` bytes, lower-case, new for every row. */
const randomHex = (bytes: number) => `lower(hex(randomblob(${bytes})))`
/** One of 8, 9, a, b: the RFC 9562 variant nibble. */
const VARIANT = "substr('89ab', 1 + (abs(random()) % 4), 1)"

/** A UUIDv7 whose time is the row's own moment (`column`, an ISO instant), so old rows sort where they belong. */
function uuidv7From(column: string): string {
  const hex = `printf('%012x', cast((julianday(${column}) - 2440587.5) * 86400000 + 0.5 as integer))`
  return `substr(${hex}, 1, 8) || '-' || substr(${hex}, 9, 4) || '-7' || substr(${randomHex(2)}, 2, 3) || '-' || ${VARIANT} || substr(${randomHex(2)}, 2, 3) || '-' || ${randomHex(6)}`
}

const UUID_V4 = `${randomHex(4)} || '-' || ${randomHex(2)} || '-4' || substr(${randomHex(2)}, 2, 3) || '-' || ${VARIANT} || substr(${randomHex(2)}, 2, 3) || '-' || ${randomHex(6)}`
/** Letters and digits people cannot mix up (no I, O, 0, 1). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const CODE_CHAR = `substr('${CODE_ALPHABET}', 1 + (abs(random()) % ${CODE_ALPHABET.length}), 1)`

const APPEND_ONLY = ['invoice', 'audit_entry'] as const

/**
 * Identity for later scale-out, and the owner role:
 * - the till gets a generated id (UUID) and a short code, in `setting`;
 * - every fact row gets a UUIDv7 `uid` (old rows get one from their own time) and the `till_id`
 *   that wrote it; a trigger refuses a new fact row without them; invoice numbers run per till;
 * - `user.role` may be `owner`. SQLite cannot change a CHECK constraint in place, so `user` is
 *   rebuilt the way SQLite documents it: core runs migrations with foreign keys off, and this one
 *   proves every reference still holds (`pragma_foreign_key_check`) before it may commit.
 */
export class Migration0004TillIdentityAndOwner extends Migration {
  override name = '0004-till-identity-and-owner'

  override up(): void {
    this.addSql(`insert into \`setting\` (\`key\`, \`value\`) values ('tillId', ${UUID_V4}) on conflict do nothing`)
    this.addSql(
      `insert into \`setting\` (\`key\`, \`value\`) values ('tillCode', ${CODE_CHAR} || ${CODE_CHAR} || ${CODE_CHAR} || ${CODE_CHAR}) on conflict do nothing`,
    )

    for (const table of APPEND_ONLY) this.addSql(`drop trigger \`${table}_no_update\``)
    for (const { table, at } of FACT_TABLES) {
      this.addSql(`alter table \`${table}\` add column \`uid\` text null`)
      this.addSql(`alter table \`${table}\` add column \`till_id\` text null`)
      this.addSql(
        `update \`${table}\` set \`uid\` = ${uuidv7From(`\`${at}\``)}, \`till_id\` = (select \`value\` from \`setting\` where \`key\` = 'tillId')`,
      )
      this.addSql(`create unique index \`${table}_uid_unique\` on \`${table}\` (\`uid\`)`)
      this.addSql(
        `create trigger \`${table}_identity_required\` BEFORE INSERT on \`${table}\` for each ROW when new.uid is null or new.till_id is null ` +
          `begin select raise(abort, '${table} rows need uid and till_id'); end`,
      )
    }
    for (const table of APPEND_ONLY) {
      this.addSql(
        `create trigger \`${table}_no_update\` BEFORE UPDATE on \`${table}\` for each ROW begin select raise(abort, '${table} rows are append-only'); end`,
      )
    }
    this.addSql('drop index `invoice_number_unique`')
    this.addSql('create unique index `invoice_till_id_number_unique` on `invoice` (`till_id`, `number`)')

    this.addSql(
      "create table `user__rebuilt` (`id` integer not null primary key autoincrement, `username` text not null, `display_name` text not null, `role` text check (`role` in ('cashier', 'manager', 'owner')) not null, `password_hash` text not null, `active` integer not null default true, `created_at` text not null, `failed_sign_ins` integer not null default 0, `last_failed_sign_in_at` text null, `locked_at` text null)",
    )
    this.addSql(
      'insert into `user__rebuilt` (`id`, `username`, `display_name`, `role`, `password_hash`, `active`, `created_at`, `failed_sign_ins`, `last_failed_sign_in_at`, `locked_at`) ' +
        'select `id`, `username`, `display_name`, `role`, `password_hash`, `active`, `created_at`, `failed_sign_ins`, `last_failed_sign_in_at`, `locked_at` from `user`',
    )
    this.addSql('drop table `user`')
    this.addSql('alter table `user__rebuilt` rename to `user`')
    this.addSql('create unique index `user_username_unique` on `user` (`username`)')
    // Fails the migration (and so rolls it all back) if any row now points at nothing.
    this.addSql('create temp table `fk_guard` (`ok` integer check (`ok` = 1))')
    this.addSql('insert into `fk_guard` select 0 from pragma_foreign_key_check limit 1')
    this.addSql('drop table `fk_guard`')
  }
}
