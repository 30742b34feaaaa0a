import { Migration } from '@mikro-orm/migrations'

const appendOnly = (table: string, event: 'update' | 'delete') =>
  `create trigger \`${table}_no_${event}\` BEFORE ${event.toUpperCase()} on \`${table}\` for each ROW begin select raise(abort, '${table} rows are append-only'); end`

/**
 * Discounts and promo codes: a cart line's own discount, the open cart's order discount and promo
 * (`cart_order`, one row per user), the promo codes with the products and categories they are
 * limited to, and on each sale the promo it used (`invoice_promo`, its code and name copied).
 */
export class Migration0014DiscountsAndPromos extends Migration {
  override name = '0014-discounts-and-promos'

  override up(): void {
    this.addSql(
      "create table `promo` (`id` integer not null primary key autoincrement, `code` text not null, `code_key` text not null, `name` text not null, `kind` text check (`kind` in ('percent', 'amount')) not null, `value` integer check (`value` >= 0) not null, `min_spend_cents` integer null, `starts_on` text null, `ends_on` text null, `max_uses` integer null, `uses` integer not null default 0, `active` integer not null default true, `created_at` text not null, `updated_at` text not null)",
    )
    this.addSql('create unique index `promo_code_key_unique` on `promo` (`code_key`)')
    this.addSql(
      'create table `promo_category` (`promo_id` integer not null, `category_id` integer not null, primary key (`promo_id`, `category_id`), constraint `promo_category_promo_id_foreign` foreign key (`promo_id`) references `promo` (`id`) on update cascade on delete cascade, constraint `promo_category_category_id_foreign` foreign key (`category_id`) references `category` (`id`) on update cascade on delete cascade)',
    )
    this.addSql('create index `promo_category_promo_id_index` on `promo_category` (`promo_id`)')
    this.addSql('create index `promo_category_category_id_index` on `promo_category` (`category_id`)')
    this.addSql(
      'create table `promo_product` (`promo_id` integer not null, `product_id` integer not null, primary key (`promo_id`, `product_id`), constraint `promo_product_promo_id_foreign` foreign key (`promo_id`) references `promo` (`id`) on update cascade on delete cascade, constraint `promo_product_product_id_foreign` foreign key (`product_id`) references `product` (`id`) on update cascade on delete cascade)',
    )
    this.addSql('create index `promo_product_promo_id_index` on `promo_product` (`promo_id`)')
    this.addSql('create index `promo_product_product_id_index` on `promo_product` (`product_id`)')
    this.addSql(
      'create table `invoice_promo` (`id` integer not null primary key autoincrement, `invoice_id` integer not null, `promo_id` integer not null, `code` text not null, `name` text not null, `discount_cents` integer check (`discount_cents` >= 0) not null, constraint `invoice_promo_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`), constraint `invoice_promo_promo_id_foreign` foreign key (`promo_id`) references `promo` (`id`))',
    )
    this.addSql('create index `invoice_promo_invoice_id_index` on `invoice_promo` (`invoice_id`)')
    this.addSql('create index `invoice_promo_promo_id_index` on `invoice_promo` (`promo_id`)')
    this.addSql(appendOnly('invoice_promo', 'update'))
    this.addSql(appendOnly('invoice_promo', 'delete'))
    this.addSql(
      "create table `cart_order` (`user_id` integer not null primary key, `discount_kind` text check (`discount_kind` in ('percent', 'amount')) null, `discount_value` integer null, `discount_reason` text null, `discount_approved_by` text null, `promo_id` integer null, constraint `cart_order_user_id_foreign` foreign key (`user_id`) references `user` (`id`) on update cascade on delete cascade, constraint `cart_order_promo_id_foreign` foreign key (`promo_id`) references `promo` (`id`) on delete set null)",
    )
    this.addSql('create index `cart_order_user_id_index` on `cart_order` (`user_id`)')
    this.addSql('create index `cart_order_promo_id_index` on `cart_order` (`promo_id`)')
    this.addSql("alter table `cart_line` add column `discount_kind` text check (`discount_kind` in ('percent', 'amount')) null")
    this.addSql('alter table `cart_line` add column `discount_value` integer null')
    this.addSql('alter table `cart_line` add column `discount_reason` text null')
    this.addSql('alter table `cart_line` add column `discount_approved_by` text null')
  }
}
