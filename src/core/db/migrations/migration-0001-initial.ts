import { Migration } from '@mikro-orm/migrations'

/**
 * The first schema: the SQL the entities generate, frozen here so the shipped schema never changes
 * behind a release (a test checks entities and migrations still agree). It carries CHECK constraints
 * on money and quantities and triggers that keep sales records append-only.
 */
export class Migration0001Initial extends Migration {
  override name = '0001-initial'

  override up(): void {
    this.addSql(
      'create table `product` (`id` integer not null primary key autoincrement, `sku` text not null, `barcode` text null, `name` text not null, `price_cents` integer check (`price_cents` >= 0) not null, `stock` integer not null, `active` integer not null default true, `created_at` text not null, `updated_at` text not null)',
    )
    this.addSql('create unique index `product_sku_unique` on `product` (`sku`)')
    this.addSql('create unique index `product_barcode_unique` on `product` (`barcode`)')
    this.addSql('create table `setting` (`key` text not null primary key, `value` text not null)')
    this.addSql(
      'create table `token` (`id` integer not null primary key autoincrement, `code` text not null, `balance_cents` integer check (`balance_cents` >= 0) not null, `expires_on` text not null, `created_at` text not null)',
    )
    this.addSql('create unique index `token_code_unique` on `token` (`code`)')
    this.addSql(
      "create table `user` (`id` integer not null primary key autoincrement, `username` text not null, `display_name` text not null, `role` text check (`role` in ('cashier', 'manager')) not null, `password_hash` text not null, `active` integer not null default true, `created_at` text not null)",
    )
    this.addSql('create unique index `user_username_unique` on `user` (`username`)')
    this.addSql(
      "create table `invoice` (`id` integer not null primary key autoincrement, `number` integer not null, `idempotency_key` text not null, `cashier_id` integer not null, `cashier_name` text not null, `payment_method` text check (`payment_method` in ('token', 'cash')) not null, `token_id` integer null, `token_last4` text null, `paid_at` text not null, `total_cents` integer check (`total_cents` >= 0) not null, `tendered_cents` integer null, `change_cents` integer null, `token_balance_after_cents` integer null, constraint `invoice_cashier_id_foreign` foreign key (`cashier_id`) references `user` (`id`), constraint `invoice_token_id_foreign` foreign key (`token_id`) references `token` (`id`) on delete set null)",
    )
    this.addSql('create unique index `invoice_number_unique` on `invoice` (`number`)')
    this.addSql('create unique index `invoice_idempotency_key_unique` on `invoice` (`idempotency_key`)')
    this.addSql('create index `invoice_cashier_id_index` on `invoice` (`cashier_id`)')
    this.addSql('create index `invoice_token_id_index` on `invoice` (`token_id`)')
    this.addSql('create index `invoice_paid_at_index` on `invoice` (`paid_at`)')
    this.addSql(
      "create trigger `invoice_no_update` BEFORE UPDATE on `invoice` for each ROW begin select raise(abort, 'invoice rows are append-only'); end",
    )
    this.addSql(
      "create trigger `invoice_no_delete` BEFORE DELETE on `invoice` for each ROW begin select raise(abort, 'invoice rows are append-only'); end",
    )
    this.addSql(
      "create table `token_ledger_entry` (`id` integer not null primary key autoincrement, `token_id` integer not null, `delta_cents` integer not null, `balance_after_cents` integer not null, `reason` text check (`reason` in ('issue', 'sale')) not null, `invoice_id` integer null, `at` text not null, constraint `token_ledger_entry_token_id_foreign` foreign key (`token_id`) references `token` (`id`), constraint `token_ledger_entry_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`) on delete set null)",
    )
    this.addSql('create index `token_ledger_entry_token_id_index` on `token_ledger_entry` (`token_id`)')
    this.addSql('create index `token_ledger_entry_invoice_id_index` on `token_ledger_entry` (`invoice_id`)')
    this.addSql(
      "create table `stock_movement` (`id` integer not null primary key autoincrement, `product_id` integer not null, `delta_qty` integer not null, `reason` text check (`reason` in ('initial', 'sale')) not null, `invoice_id` integer null, `at` text not null, constraint `stock_movement_product_id_foreign` foreign key (`product_id`) references `product` (`id`), constraint `stock_movement_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`) on delete set null)",
    )
    this.addSql('create index `stock_movement_product_id_index` on `stock_movement` (`product_id`)')
    this.addSql('create index `stock_movement_invoice_id_index` on `stock_movement` (`invoice_id`)')
    this.addSql(
      'create table `invoice_line` (`id` integer not null primary key autoincrement, `invoice_id` integer not null, `product_id` integer not null, `sku` text not null, `name` text not null, `unit_price_cents` integer check (`unit_price_cents` >= 0) not null, `quantity` integer check (`quantity` > 0) not null, `sub_amount_cents` integer check (`sub_amount_cents` >= 0) not null, constraint `invoice_line_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`), constraint `invoice_line_product_id_foreign` foreign key (`product_id`) references `product` (`id`))',
    )
    this.addSql('create index `invoice_line_invoice_id_index` on `invoice_line` (`invoice_id`)')
    this.addSql('create index `invoice_line_product_id_index` on `invoice_line` (`product_id`)')
    this.addSql(
      "create trigger `invoice_line_no_update` BEFORE UPDATE on `invoice_line` for each ROW begin select raise(abort, 'invoice_line rows are append-only'); end",
    )
    this.addSql(
      "create trigger `invoice_line_no_delete` BEFORE DELETE on `invoice_line` for each ROW begin select raise(abort, 'invoice_line rows are append-only'); end",
    )
    this.addSql(
      'create table `cart_line` (`id` integer not null primary key autoincrement, `user_id` integer not null, `product_id` integer not null, `quantity` integer check (`quantity` > 0) not null, `added_at` text not null, constraint `cart_line_user_id_foreign` foreign key (`user_id`) references `user` (`id`), constraint `cart_line_product_id_foreign` foreign key (`product_id`) references `product` (`id`))',
    )
    this.addSql('create index `cart_line_user_id_index` on `cart_line` (`user_id`)')
    this.addSql('create index `cart_line_product_id_index` on `cart_line` (`product_id`)')
    this.addSql('create unique index `cart_line_user_id_product_id_unique` on `cart_line` (`user_id`, `product_id`)')
  }
}
