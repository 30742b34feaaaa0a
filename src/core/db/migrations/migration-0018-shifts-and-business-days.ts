import { Migration } from '@mikro-orm/migrations'
import { nextDay, storeDate, storeDayStart } from '#core/common/store-day'

const DAY_MS = 86_400_000

/**
 * Shifts and the books by day (DESIGN §3.5):
 * - `shift` (one open per till, a partial unique index; a closed one is final), `cash_move` (pay-in,
 *   pay-out, no-sale) and `z_report` (numbered per till, append-only);
 * - every sale and return records its store-local `business_day` and the shift it was made in.
 *   Rows sold before get their day from the store's time zone as it is set now: the day boundaries
 *   are computed here (SQLite knows no time zones) and each row finds the last boundary before it.
 */
export class Migration0018ShiftsAndBusinessDays extends Migration {
  override name = '0018-shifts-and-business-days'

  override async up(): Promise<void> {
    this.addSql(
      'create table `shift` (`id` integer not null primary key autoincrement, `uid` text null, `till_id` text null, `number` integer not null, `opened_at` text not null, `opened_by_id` integer not null, `opened_by_name` text not null, `opening_float_cents` integer check (`opening_float_cents` >= 0) not null, `closed_at` text null, `closed_by_id` integer null, `closed_by_name` text null, constraint `shift_opened_by_id_foreign` foreign key (`opened_by_id`) references `user` (`id`), constraint `shift_closed_by_id_foreign` foreign key (`closed_by_id`) references `user` (`id`) on delete set null)',
    )
    this.addSql('create unique index `shift_uid_unique` on `shift` (`uid`)')
    this.addSql('create index `shift_opened_by_id_index` on `shift` (`opened_by_id`)')
    this.addSql('create index `shift_closed_by_id_index` on `shift` (`closed_by_id`)')
    this.addSql('create unique index `shift_one_open_per_till` on `shift` (`till_id`) where `closed_at` is null')
    this.addSql('create unique index `shift_till_id_number_unique` on `shift` (`till_id`, `number`)')
    this.addSql(
      "create trigger `shift_identity_required` BEFORE INSERT on `shift` for each ROW when new.uid is null or new.till_id is null begin select raise(abort, 'shift rows need uid and till_id'); end",
    )
    this.addSql(
      "create trigger `shift_closed_is_final` BEFORE UPDATE on `shift` for each ROW when old.closed_at is not null begin select raise(abort, 'a closed shift never changes'); end",
    )
    this.addSql(
      "create trigger `shift_no_delete` BEFORE DELETE on `shift` for each ROW begin select raise(abort, 'shift rows are kept'); end",
    )

    this.addSql(
      "create table `cash_move` (`id` integer not null primary key autoincrement, `uid` text null, `till_id` text null, `shift_id` integer not null, `kind` text check (`kind` in ('payIn', 'payOut', 'noSale')) not null, `amount_cents` integer check (`amount_cents` >= 0) not null, `reason` text not null, `user_id` integer not null, `user_name` text not null, `at` text not null, constraint `cash_move_shift_id_foreign` foreign key (`shift_id`) references `shift` (`id`), constraint `cash_move_user_id_foreign` foreign key (`user_id`) references `user` (`id`))",
    )
    this.addSql('create unique index `cash_move_uid_unique` on `cash_move` (`uid`)')
    this.addSql('create index `cash_move_shift_id_index` on `cash_move` (`shift_id`)')
    this.addSql('create index `cash_move_user_id_index` on `cash_move` (`user_id`)')
    for (const [name, body] of appendOnlyTriggers('cash_move')) this.addSql(trigger(name, body))

    this.addSql(
      'create table `z_report` (`id` integer not null primary key autoincrement, `uid` text null, `till_id` text null, `number` integer not null, `idempotency_key` text not null, `shift_id` integer not null, `closed_at` text not null, `expected_cash_cents` integer not null, `counted_cash_cents` integer check (`counted_cash_cents` >= 0) not null, `variance_cents` integer not null, `figures` text not null, constraint `z_report_shift_id_foreign` foreign key (`shift_id`) references `shift` (`id`))',
    )
    this.addSql('create unique index `z_report_uid_unique` on `z_report` (`uid`)')
    this.addSql('create unique index `z_report_idempotency_key_unique` on `z_report` (`idempotency_key`)')
    this.addSql('create index `z_report_shift_id_index` on `z_report` (`shift_id`)')
    this.addSql('create unique index `z_report_shift_id_unique` on `z_report` (`shift_id`)')
    this.addSql('create unique index `z_report_till_id_number_unique` on `z_report` (`till_id`, `number`)')
    for (const [name, body] of appendOnlyTriggers('z_report')) this.addSql(trigger(name, body))

    // Sales records are append-only: the new columns are filled with their update triggers lifted.
    this.addSql('drop trigger `invoice_no_update`')
    this.addSql('drop trigger `sale_return_no_update`')
    this.addSql('alter table `invoice` add column `business_day` text null')
    this.addSql(
      'alter table `invoice` add column `shift_id` integer null constraint `invoice_shift_id_foreign` references `shift` (`id`) on delete set null',
    )
    // Each sale's units (Σ its lines' quantities), kept with it so the reports never read the lines to count them.
    this.addSql('alter table `invoice` add column `units` integer not null default 0')
    this.addSql(
      'update `invoice` set `units` = (select coalesce(sum(`quantity`), 0) from `invoice_line` where `invoice_id` = `invoice`.`id`)',
    )
    this.addSql('alter table `sale_return` add column `business_day` text null')
    this.addSql(
      'alter table `sale_return` add column `shift_id` integer null constraint `sale_return_shift_id_foreign` references `shift` (`id`) on delete set null',
    )
    // The reports (core/reports): a range of days' sales read from the index alone (summary, by day,
    // by hour, by cashier); each sale's lines from the index alone (units); every line in product
    // order with what a product's row sums (a long range by product, never sorted); each sale's tenders
    // with what they took. Made before the
    // days are filled in: the SQL before the first read of the database is what the bench's cache key sees.
    this.addSql(
      'create index `invoice_report_by_day` on `invoice` (`business_day`, `cashier_id`, `total_cents`, `discount_cents`, `tax_cents`, `rounding_cents`, `paid_at`, `units`)',
    )
    this.addSql(
      'create index `invoice_line_report_by_sale` on `invoice_line` (`invoice_id`, `product_id`, `quantity`, `total_cents`, `discount_cents`)',
    )
    this.addSql(
      'create index `invoice_line_report_by_product` on `invoice_line` (`product_id`, `invoice_id`, `quantity`, `total_cents`, `discount_cents`)',
    )
    this.addSql('create index `invoice_tender_report_by_sale` on `invoice_tender` (`invoice_id`, `method`, `wallet`, `amount_cents`)')
    await this.backfillBusinessDays()
    this.addSql(trigger('invoice_no_update', "select raise(abort, 'invoice rows are append-only')"))
    this.addSql(trigger('sale_return_no_update', "select raise(abort, 'sale_return rows are append-only')"))
    this.addSql('create index `invoice_shift_id_index` on `invoice` (`shift_id`)')
    this.addSql('create index `sale_return_shift_id_index` on `sale_return` (`shift_id`)')
    this.addSql('create index `sale_return_business_day_index` on `sale_return` (`business_day`)')
  }

  /** The store-local day of every sale and return already on record, from the store's time zone. */
  private async backfillBusinessDays(): Promise<void> {
    const [zone] = await this.execute("select `value` from `setting` where `key` = 'timeZone'")
    const timeZone = typeof zone?.['value'] === 'string' ? zone['value'] : 'Asia/Kathmandu'
    const [span] = await this.execute(
      'select min(`at`) as `first`, max(`at`) as `last` from (select `paid_at` as `at` from `invoice` union all select `returned_at` from `sale_return`)',
    )
    if (typeof span?.['first'] !== 'string' || typeof span['last'] !== 'string') return
    // From the day before the first row to the day after the last: every row falls between two starts.
    let day = storeDate(new Date(Date.parse(span['first']) - DAY_MS), timeZone)
    const last = storeDate(new Date(Date.parse(span['last']) + DAY_MS), timeZone)
    const starts: string[] = []
    for (; day <= last; day = nextDay(day)) starts.push(`('${day}', '${storeDayStart(day, timeZone).toISOString()}')`)
    this.addSql('create temporary table `business_day_start` (`day` text primary key, `starts_at` text not null)')
    for (let index = 0; index < starts.length; index += 500) {
      this.addSql(`insert into \`business_day_start\` (\`day\`, \`starts_at\`) values ${starts.slice(index, index + 500).join(', ')}`)
    }
    this.addSql('create index `temp`.`business_day_start_at` on `business_day_start` (`starts_at`)')
    const dayOf = (column: string) =>
      `(select \`day\` from \`business_day_start\` where \`starts_at\` <= ${column} order by \`starts_at\` desc limit 1)`
    this.addSql(`update \`invoice\` set \`business_day\` = ${dayOf('`invoice`.`paid_at`')}`)
    this.addSql(`update \`sale_return\` set \`business_day\` = ${dayOf('`sale_return`.`returned_at`')}`)
    this.addSql('drop table `business_day_start`')
  }
}

function appendOnlyTriggers(table: string): [string, string][] {
  return [
    [`${table}_identity_required`, `select raise(abort, '${table} rows need uid and till_id')`],
    [`${table}_no_update`, `select raise(abort, '${table} rows are append-only')`],
    [`${table}_no_delete`, `select raise(abort, '${table} rows are append-only')`],
  ]
}

function trigger(name: string, body: string): string {
  const [table, rule] = [
    name.replace(/_(identity_required|no_update|no_delete)$/, ''),
    name.match(/(identity_required|no_update|no_delete)$/)![1],
  ]
  const timing = rule === 'identity_required' ? 'INSERT' : rule === 'no_update' ? 'UPDATE' : 'DELETE'
  const when = rule === 'identity_required' ? ' when new.uid is null or new.till_id is null' : ''
  return `create trigger \`${name}\` BEFORE ${timing} on \`${table}\` for each ROW${when} begin ${body}; end`
}
