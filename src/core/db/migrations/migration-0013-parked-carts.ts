import { Migration } from '@mikro-orm/migrations'

/**
 * Parked carts: a basket put aside while the next customer pays, with its lines in the cart's
 * order and their unit prices at park time (so a recall can say what changed), with the discounts
 * the cart held and its promo code (checked again at recall). Only new tables: nothing that exists is touched.
 */
export class Migration0013ParkedCarts extends Migration {
  override name = '0013-parked-carts'

  override up(): void {
    this.addSql(
      "create table `parked_cart` (`id` integer not null primary key autoincrement, `uid` text not null, `till_id` text not null, `label` text null, `user_id` integer not null, `parked_at` text not null, `line_count` integer check (`line_count` > 0) not null, `total_cents` integer check (`total_cents` >= 0) not null, `order_discount_kind` text check (`order_discount_kind` in ('percent', 'amount')) null, `order_discount_value` integer null, `order_discount_reason` text null, `order_discount_approved_by` text null, `promo_code` text null, constraint `parked_cart_user_id_foreign` foreign key (`user_id`) references `user` (`id`))",
    )
    this.addSql('create unique index `parked_cart_uid_unique` on `parked_cart` (`uid`)')
    this.addSql('create index `parked_cart_user_id_index` on `parked_cart` (`user_id`)')
    this.addSql('create index `parked_cart_till_id_parked_at_index` on `parked_cart` (`till_id`, `parked_at`)')
    this.addSql(
      "create table `parked_cart_line` (`id` integer not null primary key autoincrement, `parked_cart_id` integer not null, `product_id` integer not null, `quantity` integer check (`quantity` > 0) not null, `unit_price_cents` integer check (`unit_price_cents` >= 0) not null, `position` integer not null, `discount_kind` text check (`discount_kind` in ('percent', 'amount')) null, `discount_value` integer null, `discount_reason` text null, `discount_approved_by` text null, constraint `parked_cart_line_parked_cart_id_foreign` foreign key (`parked_cart_id`) references `parked_cart` (`id`) on delete cascade, constraint `parked_cart_line_product_id_foreign` foreign key (`product_id`) references `product` (`id`))",
    )
    this.addSql('create index `parked_cart_line_parked_cart_id_index` on `parked_cart_line` (`parked_cart_id`)')
    this.addSql('create index `parked_cart_line_product_id_index` on `parked_cart_line` (`product_id`)')
    this.addSql(
      'create unique index `parked_cart_line_parked_cart_id_position_unique` on `parked_cart_line` (`parked_cart_id`, `position`)',
    )
  }
}
