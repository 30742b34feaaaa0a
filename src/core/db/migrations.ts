import { Migration0001Initial } from './migrations/migration-0001-initial'
import { Migration0002SignInThrottleAndAudit } from './migrations/migration-0002-sign-in-throttle-and-audit'
import { Migration0003ProductSearch } from './migrations/migration-0003-product-search'
import { Migration0004TillIdentityAndOwner } from './migrations/migration-0004-till-identity-and-owner'
import { Migration0005SignInGuard } from './migrations/migration-0005-sign-in-guard'
import { Migration0006AuditAnchors } from './migrations/migration-0006-audit-anchors'
import { Migration0007PriceCap } from './migrations/migration-0007-price-cap'
import { Migration0008StaffPinAndLastSignIn } from './migrations/migration-0008-staff-pin-and-last-sign-in'
import { Migration0009CatalogAdmin } from './migrations/migration-0009-catalog-admin'
import { Migration0010TokenAdmin } from './migrations/migration-0010-token-admin'
import { Migration0012Taxes } from './migrations/migration-0012-taxes'
import { Migration0013ParkedCarts } from './migrations/migration-0013-parked-carts'
import { Migration0014DiscountsAndPromos } from './migrations/migration-0014-discounts-and-promos'
import { Migration0015Tenders } from './migrations/migration-0015-tenders'
import { Migration0016InvoiceHistory } from './migrations/migration-0016-invoice-history'
import { Migration0017Returns } from './migrations/migration-0017-returns'
import { Migration0018ShiftsAndBusinessDays } from './migrations/migration-0018-shifts-and-business-days'
import { Migration0019UserLanguage } from './migrations/migration-0019-user-language'
import { Migration0020LeanSaleWrites } from './migrations/migration-0020-lean-sale-writes'

/**
 * Every migration, in order, with a stable name: the bundled app has no folder to scan and a
 * minifier may rename classes. Append only; never edit or reorder a released entry.
 */
export const MIGRATIONS = [
  { name: '0001-initial', class: Migration0001Initial },
  { name: '0002-sign-in-throttle-and-audit', class: Migration0002SignInThrottleAndAudit },
  { name: '0003-product-search', class: Migration0003ProductSearch },
  { name: '0004-till-identity-and-owner', class: Migration0004TillIdentityAndOwner },
  { name: '0005-sign-in-guard', class: Migration0005SignInGuard },
  { name: '0006-audit-anchors', class: Migration0006AuditAnchors },
  { name: '0007-price-cap', class: Migration0007PriceCap },
  { name: '0008-staff-pin-and-last-sign-in', class: Migration0008StaffPinAndLastSignIn },
  { name: '0009-catalog-admin', class: Migration0009CatalogAdmin },
  { name: '0010-token-admin', class: Migration0010TokenAdmin },
  { name: '0012-taxes', class: Migration0012Taxes },
  { name: '0013-parked-carts', class: Migration0013ParkedCarts },
  { name: '0014-discounts-and-promos', class: Migration0014DiscountsAndPromos },
  { name: '0015-tenders', class: Migration0015Tenders },
  { name: '0016-invoice-history', class: Migration0016InvoiceHistory },
  { name: '0017-returns', class: Migration0017Returns },
  { name: '0018-shifts-and-business-days', class: Migration0018ShiftsAndBusinessDays },
  { name: '0019-user-language', class: Migration0019UserLanguage },
  { name: '0020-lean-sale-writes', class: Migration0020LeanSaleWrites },
]

/** Where applied migrations are recorded, by name. */
export const MIGRATIONS_TABLE = 'schema_migration'
