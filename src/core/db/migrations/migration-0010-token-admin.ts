import { Migration } from '@mikro-orm/migrations'

const LEDGER_COLUMNS = '`id`, `token_id`, `delta_cents`, `balance_after_cents`, `reason`, `invoice_id`, `at`, `uid`, `till_id`'

/**
 * Tokens kept by managers: a token gains its holder's name, a note and an on/off switch; a ledger
 * entry gains the manager's note and who made the change, and may record every reason a balance
 * changes for (TOKEN_LEDGER_REASONS). SQLite cannot change a CHECK in place, so the ledger is rebuilt
 * as migration 0004 rebuilt `user`: copied row for row with its ids, its indexes and its identity
 * trigger made again, and every reference proven to hold before the migration may commit.
 */
export class Migration0010TokenAdmin extends Migration {
  override name = '0010-token-admin'

  override up(): void {
    this.addSql('alter table `token` add column `holder_name` text null')
    this.addSql('alter table `token` add column `note` text null')
    this.addSql('alter table `token` add column `active` integer not null default true')

    this.addSql(
      "create table `token_ledger_entry__rebuilt` (`id` integer not null primary key autoincrement, `token_id` integer not null, `delta_cents` integer not null, `balance_after_cents` integer not null, `reason` text check (`reason` in ('issue', 'topUp', 'sale', 'refund', 'adjust', 'expire')) not null, `invoice_id` integer null, `at` text not null, `uid` text null, `till_id` text null, `note` text null, `user_id` integer null, " +
        'constraint `token_ledger_entry_token_id_foreign` foreign key (`token_id`) references `token` (`id`), ' +
        'constraint `token_ledger_entry_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`) on delete set null, ' +
        'constraint `token_ledger_entry_user_id_foreign` foreign key (`user_id`) references `user` (`id`) on delete set null)',
    )
    this.addSql(`insert into \`token_ledger_entry__rebuilt\` (${LEDGER_COLUMNS}) select ${LEDGER_COLUMNS} from \`token_ledger_entry\``)
    this.addSql('drop table `token_ledger_entry`')
    this.addSql('alter table `token_ledger_entry__rebuilt` rename to `token_ledger_entry`')
    this.addSql('create index `token_ledger_entry_token_id_index` on `token_ledger_entry` (`token_id`)')
    this.addSql('create index `token_ledger_entry_invoice_id_index` on `token_ledger_entry` (`invoice_id`)')
    this.addSql('create index `token_ledger_entry_user_id_index` on `token_ledger_entry` (`user_id`)')
    this.addSql('create unique index `token_ledger_entry_uid_unique` on `token_ledger_entry` (`uid`)')
    this.addSql(
      'create trigger `token_ledger_entry_identity_required` BEFORE INSERT on `token_ledger_entry` for each ROW when new.uid is null or new.till_id is null ' +
        "begin select raise(abort, 'token_ledger_entry rows need uid and till_id'); end",
    )
    // Fails the migration (and so rolls it all back) if any row now points at nothing.
    this.addSql('create temp table `fk_guard` (`ok` integer check (`ok` = 1))')
    this.addSql('insert into `fk_guard` select 0 from pragma_foreign_key_check limit 1')
    this.addSql('drop table `fk_guard`')
  }
}
