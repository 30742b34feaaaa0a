import { Migration } from '@mikro-orm/migrations'

/**
 * Prices are capped at 10^12 minor units (MAX_PRICE_CENTS), so a line of the most units a cart
 * allows stays near exact integers and the cart can refuse the rest. A trigger, not a CHECK: SQLite
 * would have to rebuild `product` and its search triggers to change a column's constraint.
 */
export class Migration0007PriceCap extends Migration {
  override name = '0007-price-cap'

  override up(): void {
    for (const event of ['insert', 'update'] as const) {
      this.addSql(
        `create trigger \`product_price_cap_${event}\` BEFORE ${event.toUpperCase()} on \`product\` for each ROW when new.price_cents > 1000000000000 ` +
          "begin select raise(abort, 'a price may be at most 10^12 minor units'); end",
      )
    }
  }
}
