import { useMemo } from 'react'
import type { ReturnDto } from '#shared/contract/returns'
import { returnReceipt } from '#shared/receipts/receipt-model'
import { ReceiptView, useReceiptStore } from '../receipts/public'

/** The return's own receipt: the same model as the sale's, so screen and paper say the same. */
export function ReturnReceipt({ made }: { made: ReturnDto }) {
  const store = useReceiptStore()
  const document = useMemo(() => returnReceipt(made, store), [made, store])
  return <ReceiptView document={document} />
}
