import { Migration } from '@mikro-orm/migrations'

/**
 * Returns and voids: a numbered return linked to its invoice (`sale_return`), the lines it takes back
 * with what the customer paid for them (`return_line`, which the database itself keeps within what
 * was sold, whatever writes it), and the refunds to the sale's own tenders (`return_refund`). Stock
 * movements and token ledger entries may name the return that made them. Only new tables and two
 * new nullable columns: nothing that exists changes.
 */
export class Migration0017Returns extends Migration {
  override name = '0017-returns'

  override up(): void {
    this.addSql(
      "create table `sale_return` (`id` integer not null primary key autoincrement, `uid` text null, `till_id` text null, `number` integer not null, `idempotency_key` text not null, `invoice_id` integer not null, `kind` text check (`kind` in ('return', 'void')) not null, `cashier_id` integer not null, `cashier_name` text not null, `approver_id` integer null, `approver_name` text null, `reason` text not null, `returned_at` text not null, `goods_cents` integer check (`goods_cents` >= 0) not null, `tax_cents` integer check (`tax_cents` >= 0) not null, `rounding_cents` integer not null, `refund_cents` integer check (`refund_cents` >= 0) not null, constraint `sale_return_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`), constraint `sale_return_cashier_id_foreign` foreign key (`cashier_id`) references `user` (`id`), constraint `sale_return_approver_id_foreign` foreign key (`approver_id`) references `user` (`id`) on delete set null)",
    )
    this.addSql('create unique index `sale_return_uid_unique` on `sale_return` (`uid`)')
    this.addSql('create unique index `sale_return_idempotency_key_unique` on `sale_return` (`idempotency_key`)')
    this.addSql('create index `sale_return_invoice_id_index` on `sale_return` (`invoice_id`)')
    this.addSql('create index `sale_return_cashier_id_index` on `sale_return` (`cashier_id`)')
    this.addSql('create index `sale_return_approver_id_index` on `sale_return` (`approver_id`)')
    this.addSql('create index `sale_return_returned_at_index` on `sale_return` (`returned_at`)')
    this.addSql('create unique index `sale_return_till_id_number_unique` on `sale_return` (`till_id`, `number`)')
    this.addSql(
      "create trigger `sale_return_identity_required` BEFORE INSERT on `sale_return` for each ROW when new.uid is null or new.till_id is null begin select raise(abort, 'sale_return rows need uid and till_id'); end",
    )
    this.addSql(
      "create trigger `sale_return_no_update` BEFORE UPDATE on `sale_return` for each ROW begin select raise(abort, 'sale_return rows are append-only'); end",
    )
    this.addSql(
      "create trigger `sale_return_no_delete` BEFORE DELETE on `sale_return` for each ROW begin select raise(abort, 'sale_return rows are append-only'); end",
    )
    this.addSql(
      "create table `return_refund` (`id` integer not null primary key autoincrement, `uid` text null, `till_id` text null, `sale_return_id` integer not null, `position` integer not null, `invoice_tender_id` integer not null, `method` text check (`method` in ('token', 'cash', 'card', 'wallet')) not null, `amount_cents` integer check (`amount_cents` >= 0) not null, `token_id` integer null, `token_balance_after_cents` integer null, constraint `return_refund_sale_return_id_foreign` foreign key (`sale_return_id`) references `sale_return` (`id`), constraint `return_refund_invoice_tender_id_foreign` foreign key (`invoice_tender_id`) references `invoice_tender` (`id`), constraint `return_refund_token_id_foreign` foreign key (`token_id`) references `token` (`id`) on delete set null)",
    )
    this.addSql('create unique index `return_refund_uid_unique` on `return_refund` (`uid`)')
    this.addSql('create index `return_refund_sale_return_id_index` on `return_refund` (`sale_return_id`)')
    this.addSql('create index `return_refund_invoice_tender_id_index` on `return_refund` (`invoice_tender_id`)')
    this.addSql('create index `return_refund_token_id_index` on `return_refund` (`token_id`)')
    this.addSql('create unique index `return_refund_sale_return_id_position_unique` on `return_refund` (`sale_return_id`, `position`)')
    this.addSql(
      "create trigger `return_refund_identity_required` BEFORE INSERT on `return_refund` for each ROW when new.uid is null or new.till_id is null begin select raise(abort, 'return_refund rows need uid and till_id'); end",
    )
    this.addSql(
      "create trigger `return_refund_no_update` BEFORE UPDATE on `return_refund` for each ROW begin select raise(abort, 'return_refund rows are append-only'); end",
    )
    this.addSql(
      "create trigger `return_refund_no_delete` BEFORE DELETE on `return_refund` for each ROW begin select raise(abort, 'return_refund rows are append-only'); end",
    )
    this.addSql(
      'create table `return_line` (`id` integer not null primary key autoincrement, `sale_return_id` integer not null, `invoice_line_id` integer not null, `product_id` integer not null, `quantity` integer check (`quantity` > 0) not null, `refund_cents` integer check (`refund_cents` >= 0) not null, `tax_cents` integer check (`tax_cents` >= 0) not null, `restock` integer not null, constraint `return_line_sale_return_id_foreign` foreign key (`sale_return_id`) references `sale_return` (`id`), constraint `return_line_invoice_line_id_foreign` foreign key (`invoice_line_id`) references `invoice_line` (`id`), constraint `return_line_product_id_foreign` foreign key (`product_id`) references `product` (`id`))',
    )
    this.addSql('create index `return_line_sale_return_id_index` on `return_line` (`sale_return_id`)')
    this.addSql('create index `return_line_invoice_line_id_index` on `return_line` (`invoice_line_id`)')
    this.addSql('create index `return_line_product_id_index` on `return_line` (`product_id`)')
    this.addSql(
      'create unique index `return_line_sale_return_id_invoice_line_id_unique` on `return_line` (`sale_return_id`, `invoice_line_id`)',
    )
    this.addSql(
      "create trigger `return_line_within_sale` BEFORE INSERT on `return_line` for each ROW when new.quantity + (select coalesce(sum(r.quantity), 0) from return_line r where r.invoice_line_id = new.invoice_line_id) > (select l.quantity from invoice_line l where l.id = new.invoice_line_id) begin select raise(abort, 'return_line would return more than was sold'); end",
    )
    this.addSql(
      "create trigger `return_line_no_update` BEFORE UPDATE on `return_line` for each ROW begin select raise(abort, 'return_line rows are append-only'); end",
    )
    this.addSql(
      "create trigger `return_line_no_delete` BEFORE DELETE on `return_line` for each ROW begin select raise(abort, 'return_line rows are append-only'); end",
    )
    this.addSql(
      'alter table `token_ledger_entry` add column `sale_return_id` integer null constraint `token_ledger_entry_sale_return_id_foreign` references `sale_return` (`id`) on delete set null',
    )
    this.addSql('create index `token_ledger_entry_sale_return_id_index` on `token_ledger_entry` (`sale_return_id`)')
    this.addSql(
      'alter table `stock_movement` add column `sale_return_id` integer null constraint `stock_movement_sale_return_id_foreign` references `sale_return` (`id`) on delete set null',
    )
    this.addSql('create index `stock_movement_sale_return_id_index` on `stock_movement` (`sale_return_id`)')
  }
}
