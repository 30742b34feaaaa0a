import { Migration } from '@mikro-orm/migrations'

const appendOnly = (table: string, event: 'update' | 'delete') =>
  `create trigger \`${table}_no_${event}\` BEFORE ${event.toUpperCase()} on \`${table}\` for each ROW begin select raise(abort, '${table} rows are append-only'); end`

const identityRequired = (table: string) =>
  `create trigger \`${table}_identity_required\` BEFORE INSERT on \`${table}\` for each ROW when new.uid is null or new.till_id is null ` +
  `begin select raise(abort, '${table} rows need uid and till_id'); end`

/** Random hex of `bytes` bytes, lower-case, new for every row. */
const randomHex = (bytes: number) => `lower(hex(randomblob(${bytes})))`
/** One of 8, 9, a, b: the RFC 9562 variant nibble. */
const VARIANT = "substr('89ab', 1 + (abs(random()) % 4), 1)"

/** A UUIDv7 whose time is the row's own moment (`column`, an ISO instant), so old rows sort where they belong. */
function uuidv7From(column: string): string {
  const hex = `printf('%012x', cast((julianday(${column}) - 2440587.5) * 86400000 + 0.5 as integer))`
  return `substr(${hex}, 1, 8) || '-' || substr(${hex}, 9, 4) || '-7' || substr(${randomHex(2)}, 2, 3) || '-' || ${VARIANT} || substr(${randomHex(2)}, 2, 3) || '-' || ${randomHex(6)}`
}

const INVOICE_COLUMNS = [
  'id',
  'number',
  'idempotency_key',
  'cashier_id',
  'cashier_name',
  'payment_method',
  'token_id',
  'token_last4',
  'paid_at',
  'total_cents',
  'tendered_cents',
  'change_cents',
  'token_balance_after_cents',
  'uid',
  'till_id',
  'subtotal_cents',
  'discount_cents',
  'tax_cents',
]
  .map((column) => `\`${column}\``)
  .join(', ')

/**
 * Split tenders and cash rounding: every tender of a sale becomes its own row (`invoice_tender`: what
 * it paid, a token's last four characters and balance after, a wallet's name, a card's or wallet's
 * reference, cash tendered and change), the invoice records the cash part's rounding, and an
 * invoice may be paid by card, by wallet, or by several tenders (`split`).
 *
 * SQLite cannot change a CHECK in place, so `invoice` is rebuilt as migration 0004 rebuilt `user`:
 * copied row for row with its ids, its indexes and its triggers (identity, append-only) made again,
 * and every reference to it (lines, taxes, promos, ledger entries, stock movements) proven to hold
 * before the migration may commit. Every past sale gets one tender row from its payment columns,
 * so every invoice has its tenders.
 */
export class Migration0015Tenders extends Migration {
  override name = '0015-tenders'

  override up(): void {
    this.addSql(
      "create table `invoice__rebuilt` (`id` integer not null primary key autoincrement, `number` integer not null, `idempotency_key` text not null, `cashier_id` integer not null, `cashier_name` text not null, `payment_method` text check (`payment_method` in ('token', 'cash', 'card', 'wallet', 'split')) not null, `token_id` integer null, `token_last4` text null, `paid_at` text not null, `total_cents` integer check (`total_cents` >= 0) not null, `tendered_cents` integer null, `change_cents` integer null, `token_balance_after_cents` integer null, `uid` text null, `till_id` text null, `subtotal_cents` integer not null default 0, `discount_cents` integer not null default 0, `tax_cents` integer not null default 0, `rounding_cents` integer not null default 0, " +
        'constraint `invoice_cashier_id_foreign` foreign key (`cashier_id`) references `user` (`id`), ' +
        'constraint `invoice_token_id_foreign` foreign key (`token_id`) references `token` (`id`) on delete set null)',
    )
    this.addSql(`insert into \`invoice__rebuilt\` (${INVOICE_COLUMNS}) select ${INVOICE_COLUMNS} from \`invoice\``)
    this.addSql('drop table `invoice`')
    this.addSql('alter table `invoice__rebuilt` rename to `invoice`')
    this.addSql('create unique index `invoice_idempotency_key_unique` on `invoice` (`idempotency_key`)')
    this.addSql('create index `invoice_cashier_id_index` on `invoice` (`cashier_id`)')
    this.addSql('create index `invoice_token_id_index` on `invoice` (`token_id`)')
    this.addSql('create index `invoice_paid_at_index` on `invoice` (`paid_at`)')
    this.addSql('create unique index `invoice_uid_unique` on `invoice` (`uid`)')
    this.addSql('create unique index `invoice_till_id_number_unique` on `invoice` (`till_id`, `number`)')
    this.addSql(identityRequired('invoice'))
    this.addSql(appendOnly('invoice', 'update'))
    this.addSql(appendOnly('invoice', 'delete'))

    this.addSql(
      "create table `invoice_tender` (`id` integer not null primary key autoincrement, `uid` text null, `till_id` text null, `invoice_id` integer not null, `position` integer not null, `method` text check (`method` in ('token', 'cash', 'card', 'wallet')) not null, `amount_cents` integer check (`amount_cents` >= 0) not null, `tendered_cents` integer null, `change_cents` integer null, `token_id` integer null, `token_last4` text null, `token_balance_after_cents` integer null, `wallet` text null, `reference` text null, " +
        'constraint `invoice_tender_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`), ' +
        'constraint `invoice_tender_token_id_foreign` foreign key (`token_id`) references `token` (`id`) on delete set null)',
    )
    this.addSql('create unique index `invoice_tender_uid_unique` on `invoice_tender` (`uid`)')
    this.addSql('create index `invoice_tender_invoice_id_index` on `invoice_tender` (`invoice_id`)')
    this.addSql('create index `invoice_tender_token_id_index` on `invoice_tender` (`token_id`)')
    this.addSql('create unique index `invoice_tender_invoice_id_position_unique` on `invoice_tender` (`invoice_id`, `position`)')
    // A past sale had one tender, which paid its total (no rounding then).
    this.addSql(
      'insert into `invoice_tender` (`uid`, `till_id`, `invoice_id`, `position`, `method`, `amount_cents`, `tendered_cents`, `change_cents`, `token_id`, `token_last4`, `token_balance_after_cents`) ' +
        `select ${uuidv7From('`paid_at`')}, \`till_id\`, \`id\`, 0, \`payment_method\`, \`total_cents\`, ` +
        "case when `payment_method` = 'cash' then `tendered_cents` end, case when `payment_method` = 'cash' then `change_cents` end, " +
        '`token_id`, `token_last4`, `token_balance_after_cents` from `invoice` order by `id`',
    )
    this.addSql(identityRequired('invoice_tender'))
    this.addSql(appendOnly('invoice_tender', 'update'))
    this.addSql(appendOnly('invoice_tender', 'delete'))

    // Fails the migration (and so rolls it all back) if any row now points at nothing.
    this.addSql('create temp table `fk_guard` (`ok` integer check (`ok` = 1))')
    this.addSql('insert into `fk_guard` select 0 from pragma_foreign_key_check limit 1')
    this.addSql('drop table `fk_guard`')
  }
}
