import type { Page } from 'playwright-core'
import { PayPage } from './pay.page'
import { ReceiptPage } from './receipt.page'

/** F9, F3, a round sum in notes above the total, Enter: answers the receipt once it shows. */
export async function payCash(page: Page, totalCents: number): Promise<ReceiptPage> {
  const pay = new PayPage(page)
  await pay.openForCash()
  await page.keyboard.type(String(Math.ceil((totalCents + 1) / 100_000) * 1_000))
  await pay.change.filter({ hasText: 'Change' }).waitFor()
  await page.keyboard.press('Enter')
  const receipt = new ReceiptPage(page)
  await receipt.paidTitle.waitFor()
  return receipt
}
