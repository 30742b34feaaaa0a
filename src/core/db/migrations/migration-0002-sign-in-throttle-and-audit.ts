import { Migration } from '@mikro-orm/migrations'

/** Sign-in throttling and lockout on users; the append-only, hash-chained audit trail. */
export class Migration0002SignInThrottleAndAudit extends Migration {
  override name = '0002-sign-in-throttle-and-audit'

  override up(): void {
    this.addSql('alter table `user` add column `failed_sign_ins` integer not null default 0')
    this.addSql('alter table `user` add column `last_failed_sign_in_at` text null')
    this.addSql('alter table `user` add column `locked_at` text null')
    this.addSql(
      'create table `audit_entry` (`id` integer not null primary key autoincrement, `at` text not null, `action` text not null, `actor_user_id` integer null, `actor_name` text not null, `subject` text null, `details` text not null, `prev_hash` text not null, `hash` text not null)',
    )
    this.addSql('create index `audit_entry_action_index` on `audit_entry` (`action`)')
    this.addSql('create unique index `audit_entry_hash_unique` on `audit_entry` (`hash`)')
    this.addSql(
      "create trigger `audit_entry_no_update` BEFORE UPDATE on `audit_entry` for each ROW begin select raise(abort, 'audit_entry rows are append-only'); end",
    )
    this.addSql(
      "create trigger `audit_entry_no_delete` BEFORE DELETE on `audit_entry` for each ROW begin select raise(abort, 'audit_entry rows are append-only'); end",
    )
  }
}
