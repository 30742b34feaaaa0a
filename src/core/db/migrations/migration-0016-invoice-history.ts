import { Migration } from '@mikro-orm/migrations'

/**
 * The invoice history's indexes: a cashier's sales by day (a cashier only ever lists their own), a
 * tender's by day, an invoice number on its own (numbers run per till, and the history lists every
 * till's), each product's lines with their invoice, so the invoices that sold a product come from
 * the index without reading a line, and each sale's tender methods, so a split sale answers whether
 * it had a tender of a method without reading its tenders. Indexes only: no row changes.
 */
export class Migration0016InvoiceHistory extends Migration {
  override name = '0016-invoice-history'

  override up(): void {
    this.addSql('create index `invoice_cashier_id_paid_at_index` on `invoice` (`cashier_id`, `paid_at`)')
    this.addSql('create index `invoice_payment_method_paid_at_index` on `invoice` (`payment_method`, `paid_at`)')
    this.addSql('create index `invoice_number_index` on `invoice` (`number`)')
    this.addSql('create index `invoice_line_product_id_invoice_id_index` on `invoice_line` (`product_id`, `invoice_id`)')
    this.addSql('create index `invoice_tender_invoice_id_method_index` on `invoice_tender` (`invoice_id`, `method`)')
  }
}
