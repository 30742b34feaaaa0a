import { Migration } from '@mikro-orm/migrations'

/**
 * Staff admin: a user may set a short PIN for approvals (hashed like a password) and the staff list
 * shows when each one last signed in. Both are empty until used.
 */
export class Migration0008StaffPinAndLastSignIn extends Migration {
  override name = '0008-staff-pin-and-last-sign-in'

  override up(): void {
    this.addSql('alter table `user` add column `pin_hash` text null')
    this.addSql('alter table `user` add column `last_sign_in_at` text null')
  }
}
