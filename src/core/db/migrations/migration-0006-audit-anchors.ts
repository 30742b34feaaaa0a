import { Migration } from '@mikro-orm/migrations'

/**
 * The audit trail's anchors: a MAC per entry under a key kept outside the database (where the
 * system keychain can hold one), and an index so every invoice's sale entry is found quickly.
 */
export class Migration0006AuditAnchors extends Migration {
  override name = '0006-audit-anchors'

  override up(): void {
    this.addSql('alter table `audit_entry` add column `mac` text null')
    this.addSql('create index `audit_entry_action_subject_index` on `audit_entry` (`action`, `subject`)')
  }
}
