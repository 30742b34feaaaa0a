import { Migration } from '@mikro-orm/migrations'

/** Every reason a movement may have (MOVEMENT_REASONS), frozen here as this migration writes them. */
const MOVEMENT_REASONS = ['initial', 'sale', 'import', 'received', 'count', 'damaged', 'returned', 'correction']

/**
 * The back office's catalog and stock:
 * - `category`, one per product at most, unique by its lower-cased name;
 * - `product` gains its category, its own low-stock threshold and its first image's file (the
 *   till's thumbnail), added in place (a rebuild would have to recreate the search and price-cap
 *   triggers); indexes for the back office's sorts and filters;
 * - `product_tag`, one row per tag (what the filter reads), filled from the words already in
 *   `product.tags`, which from now on holds the tags joined by `|`;
 * - `product_image`, the images of a product in order;
 * - `stock_movement` takes every reason a person picks, a note, who made it and the stock after it
 *   (for old rows, the running sum of their product's movements in id order). Changing its CHECK
 *   means rebuilding it as migration 0004 rebuilt `user`, with its identity trigger and indexes, and
 *   proving every reference still holds before the migration may commit.
 */
export class Migration0009CatalogAdmin extends Migration {
  override name = '0009-catalog-admin'

  override up(): void {
    this.addSql(
      'create table `category` (`id` integer not null primary key autoincrement, `name` text not null, `name_key` text not null, `created_at` text not null)',
    )
    this.addSql('create unique index `category_name_key_unique` on `category` (`name_key`)')

    this.addSql('alter table `product` add column `category_id` integer null references `category` (`id`) on delete set null')
    this.addSql('alter table `product` add column `low_stock_at` integer null check (`low_stock_at` >= 0)')
    this.addSql('alter table `product` add column `image_file` text null')
    this.addSql('create index `product_category_id_index` on `product` (`category_id`)')
    this.addSql('create index `product_price_cents_index` on `product` (`price_cents`)')
    // Sorting by stock, and every count of the back office's table, read this index alone.
    this.addSql('create index `product_stock_index` on `product` (`stock`, `low_stock_at`, `active`)')

    this.addSql(
      'create table `product_tag` (`product_id` integer not null, `tag` text collate nocase not null, primary key (`product_id`, `tag`), ' +
        'constraint `product_tag_product_id_foreign` foreign key (`product_id`) references `product` (`id`))',
    )
    this.addSql('create index `product_tag_product_id_index` on `product_tag` (`product_id`)')
    this.addSql('create index `product_tag_tag_product_id_index` on `product_tag` (`tag`, `product_id`)')
    // The words of the old free-text tags become tags (the first spelling of a word wins), in order.
    this.addSql(
      'with recursive `split` (`product_id`, `rest`, `tag`, `n`) as (' +
        "select `id`, replace(replace(replace(trim(`tags`), '|', ' '), char(9), ' '), char(10), ' ') || ' ', null, 0 from `product` " +
        "where `tags` is not null and trim(`tags`) != '' " +
        "union all select `product_id`, substr(`rest`, instr(`rest`, ' ') + 1), trim(substr(`rest`, 1, instr(`rest`, ' ') - 1)), `n` + 1 " +
        "from `split` where `rest` != '') " +
        "insert or ignore into `product_tag` (`product_id`, `tag`) select `product_id`, `tag` from `split` where `tag` != '' order by `product_id`, `n`",
    )
    this.addSql(
      "update `product` set `tags` = (select group_concat(`t`.`tag`, '|') from (select `tag` from `product_tag` where `product_id` = `product`.`id` order by rowid) `t`) " +
        'where `tags` is not null',
    )

    this.addSql(
      'create table `product_image` (`id` integer not null primary key autoincrement, `product_id` integer not null, `file` text not null, ' +
        '`position` integer not null, `created_at` text not null, constraint `product_image_product_id_foreign` foreign key (`product_id`) references `product` (`id`))',
    )
    this.addSql('create index `product_image_product_id_index` on `product_image` (`product_id`)')
    this.addSql('create unique index `product_image_product_id_file_unique` on `product_image` (`product_id`, `file`)')

    const reasons = MOVEMENT_REASONS.map((reason) => `'${reason}'`).join(', ')
    this.addSql(
      'create table `stock_movement__rebuilt` (`id` integer not null primary key autoincrement, `product_id` integer not null, `delta_qty` integer not null, ' +
        `\`reason\` text check (\`reason\` in (${reasons})) not null, \`invoice_id\` integer null, \`at\` text not null, \`uid\` text null, \`till_id\` text null, ` +
        '`note` text null, `user_id` integer null, `stock_after` integer null, ' +
        'constraint `stock_movement_product_id_foreign` foreign key (`product_id`) references `product` (`id`), ' +
        'constraint `stock_movement_invoice_id_foreign` foreign key (`invoice_id`) references `invoice` (`id`) on delete set null, ' +
        'constraint `stock_movement_user_id_foreign` foreign key (`user_id`) references `user` (`id`) on delete set null)',
    )
    this.addSql(
      'insert into `stock_movement__rebuilt` (`id`, `product_id`, `delta_qty`, `reason`, `invoice_id`, `at`, `uid`, `till_id`, `stock_after`) ' +
        'select `id`, `product_id`, `delta_qty`, `reason`, `invoice_id`, `at`, `uid`, `till_id`, ' +
        'sum(`delta_qty`) over (partition by `product_id` order by `id` rows unbounded preceding) from `stock_movement`',
    )
    this.addSql('drop table `stock_movement`')
    this.addSql('alter table `stock_movement__rebuilt` rename to `stock_movement`')
    this.addSql('create index `stock_movement_product_id_index` on `stock_movement` (`product_id`)')
    this.addSql('create index `stock_movement_invoice_id_index` on `stock_movement` (`invoice_id`)')
    this.addSql('create index `stock_movement_at_index` on `stock_movement` (`at`)')
    this.addSql('create unique index `stock_movement_uid_unique` on `stock_movement` (`uid`)')
    this.addSql('create index `stock_movement_user_id_index` on `stock_movement` (`user_id`)')
    this.addSql(
      'create trigger `stock_movement_identity_required` BEFORE INSERT on `stock_movement` for each ROW when new.uid is null or new.till_id is null ' +
        "begin select raise(abort, 'stock_movement rows need uid and till_id'); end",
    )
    // Fails the migration (and so rolls it all back) if any row now points at nothing.
    this.addSql('create temp table `fk_guard` (`ok` integer check (`ok` = 1))')
    this.addSql('insert into `fk_guard` select 0 from pragma_foreign_key_check limit 1')
    this.addSql('drop table `fk_guard`')
  }
}
