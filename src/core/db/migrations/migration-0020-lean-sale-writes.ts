import { Migration } from '@mikro-orm/migrations'

/**
 * Indexes that only cost writes go. A 20-line sale under synchronous=FULL spends most of its time
 * writing and syncing the pages it touched, and every index a sale's row goes into is one more
 * page: anywhere in the file for an index led by the product.
 * - `product_stock_index` moved two entries each time a sale took stock. What it sped up (the back
 *   office's counts, its sort by stock, the low-stock filter) reads the table instead, and the counts
 *   read a new index on `active`, which a sale never changes.
 * - Each index whose columns start another index on its table answers nothing the longer one
 *   cannot: a lookup, a foreign-key check, a covering read. `invoice_line` had three led by
 *   `product_id` and two by `invoice_id`; the reports' two (migration 0018) stay. The same goes for
 *   the other tables' duplicates, which only slowed their writes.
 * `npx tsx scripts/bench/write-pages.ts` prints the pages a sale writes before and after.
 */
export class Migration0020LeanSaleWrites extends Migration {
  override name = '0020-lean-sale-writes'

  override up(): void {
    for (const index of DROPPED) this.addSql(`drop index \`${index}\``)
    this.addSql('create index `product_active_index` on `product` (`active`)')
  }
}

/** Each with the index that now answers for it, in the comment. */
export const DROPPED = [
  'product_stock_index', // product_active_index for the counts; nothing for the sort by stock
  'invoice_line_invoice_id_index', // invoice_line_report_by_sale
  'invoice_line_product_id_index', // invoice_line_report_by_product
  'invoice_line_product_id_invoice_id_index', // invoice_line_report_by_product
  'invoice_cashier_id_index', // invoice_cashier_id_paid_at_index
  'invoice_tender_invoice_id_index', // invoice_tender_invoice_id_position_unique
  'invoice_tender_invoice_id_method_index', // invoice_tender_report_by_sale
  'audit_entry_action_index', // audit_entry_action_subject_index
  'cart_line_user_id_index', // cart_line_user_id_product_id_unique
  'parked_cart_line_parked_cart_id_index', // parked_cart_line_parked_cart_id_position_unique
  'product_image_product_id_index', // product_image_product_id_file_unique
  'return_line_sale_return_id_index', // return_line_sale_return_id_invoice_line_id_unique
  'return_refund_sale_return_id_index', // return_refund_sale_return_id_position_unique
  'z_report_shift_id_index', // z_report_shift_id_unique
] as const
