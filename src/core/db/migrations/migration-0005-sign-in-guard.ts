import { Migration } from '@mikro-orm/migrations'

/**
 * Sign-in throttling per typed name (`sign_in_guard`), for names nobody has as for real ones, with
 * locks that run out and double on repeat; the throttling state moves there from `user`. The owner
 * gets a hashed recovery code.
 */
export class Migration0005SignInGuard extends Migration {
  override name = '0005-sign-in-guard'

  override up(): void {
    this.addSql(
      'create table `sign_in_guard` (`name` text not null primary key, `failures` integer not null default 0, `last_failed_at` text null, `locked_at` text null, `locks` integer not null default 0, `refused` integer not null default 0, `refused_logged_at` text null)',
    )
    this.addSql('create index `sign_in_guard_last_failed_at_index` on `sign_in_guard` (`last_failed_at`)')
    this.addSql(
      'insert into `sign_in_guard` (`name`, `failures`, `last_failed_at`, `locked_at`, `locks`) ' +
        'select `username`, `failed_sign_ins`, `last_failed_sign_in_at`, `locked_at`, case when `locked_at` is null then 0 else 1 end from `user` ' +
        'where `failed_sign_ins` > 0 or `locked_at` is not null',
    )
    this.addSql('alter table `user` drop column `failed_sign_ins`')
    this.addSql('alter table `user` drop column `last_failed_sign_in_at`')
    this.addSql('alter table `user` drop column `locked_at`')
    this.addSql('alter table `user` add column `recovery_hash` text null')
  }
}
