import { Migration } from '@mikro-orm/migrations'

/**
 * Each person may read the till in their own language (chosen on the sign-in screen); empty means
 * the store's language. Only the languages the till has catalogs for can be stored.
 */
export class Migration0019UserLanguage extends Migration {
  override name = '0019-user-language'

  override up(): void {
    this.addSql("alter table `user` add column `language` text null check (`language` in ('en', 'ne'))")
  }
}
