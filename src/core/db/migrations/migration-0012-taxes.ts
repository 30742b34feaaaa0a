import { Migration } from '@mikro-orm/migrations'

const appendOnly = (table: string, event: 'update' | 'delete') =>
  `create trigger \`${table}_no_${event}\` BEFORE ${event.toUpperCase()} on \`${table}\` for each ROW begin select raise(abort, '${table} rows are append-only'); end`

/**
 * Taxes and the pricing engine's figures on every sale: tax rates, the taxes each product is sold
 * with, and on each invoice its subtotal, discount and tax, on each line its discount, net, tax and
 * total, and one `invoice_tax` row per tax charged (a copy of the rate, so a later change of a rate
 * never changes a past invoice).
 *
 * Past sales were priced without tax or discount, so their lines' net and total are their
 * sub-amount and the invoice's subtotal its total. Writing that needs the append-only triggers
 * lifted for the length of this migration's transaction: they are made again before it commits.
 */
export class Migration0012Taxes extends Migration {
  override name = '0012-taxes'

  override up(): void {
    this.addSql(
      'create table `tax_rate` (`id` integer not null primary key autoincrement, `name` text not null, `name_key` text not null, `rate_bps` integer check (`rate_bps` between 0 and 10000) not null, `included` integer not null, `active` integer not null default true, `created_at` text not null, `updated_at` text not null)',
    )
    this.addSql('create unique index `tax_rate_name_key_unique` on `tax_rate` (`name_key`)')
    this.addSql(
      'create table `product_tax` (`product_id` integer not null, `tax_rate_id` integer not null, primary key (`product_id`, `tax_rate_id`), constraint `product_tax_product_id_foreign` foreign key (`product_id`) references `product` (`id`) on update cascade on delete cascade, constraint `product_tax_tax_rate_id_foreign` foreign key (`tax_rate_id`) references `tax_rate` (`id`) on update cascade on delete cascade)',
    )
    this.addSql('create index `product_tax_product_id_index` on `product_tax` (`product_id`)')
    this.addSql('create index `product_tax_tax_rate_id_index` on `product_tax` (`tax_rate_id`)')
    this.addSql(
      'create table `invoice_tax` (`id` integer not null primary key autoincrement, `invoice_id` integer not null, `tax_rate_id` integer not null, `name` text not null, `rate_bps` integer not null, `included` integer not null, `base_cents` integer check (`base_cents` >= 0) not null, `tax_cents` integer check (`tax_cents` >= 0) not null, constraint `invoice_tax_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`), constraint `invoice_tax_tax_rate_id_foreign` foreign key (`tax_rate_id`) references `tax_rate` (`id`))',
    )
    this.addSql('create index `invoice_tax_invoice_id_index` on `invoice_tax` (`invoice_id`)')
    this.addSql('create index `invoice_tax_tax_rate_id_index` on `invoice_tax` (`tax_rate_id`)')
    this.addSql(appendOnly('invoice_tax', 'update'))
    this.addSql(appendOnly('invoice_tax', 'delete'))

    this.addSql('alter table `invoice` add column `subtotal_cents` integer not null default 0')
    this.addSql('alter table `invoice` add column `discount_cents` integer not null default 0')
    this.addSql('alter table `invoice` add column `tax_cents` integer not null default 0')
    this.addSql('alter table `invoice_line` add column `discount_cents` integer not null default 0')
    this.addSql('alter table `invoice_line` add column `net_cents` integer not null default 0')
    this.addSql('alter table `invoice_line` add column `tax_cents` integer not null default 0')
    this.addSql('alter table `invoice_line` add column `total_cents` integer not null default 0')

    this.addSql('drop trigger `invoice_no_update`')
    this.addSql('drop trigger `invoice_line_no_update`')
    this.addSql('update `invoice` set `subtotal_cents` = `total_cents`')
    this.addSql('update `invoice_line` set `net_cents` = `sub_amount_cents`, `total_cents` = `sub_amount_cents`')
    this.addSql(appendOnly('invoice', 'update'))
    this.addSql(appendOnly('invoice_line', 'update'))
  }
}
