import type { ReactNode } from 'react'
import { AdminList, type AdminColumn } from '../../ui/admin-list'

/**
 * One report's rows in the back office's table. Report rows have no id of their own (a day, an
 * hour, a tag), so they are keyed by their place, which is stable within one answer.
 */
export function ReportTable<T>(props: {
  readonly rows: readonly T[]
  readonly caption: string
  readonly emptyText: string
  readonly className: string
  readonly columns: readonly AdminColumn[]
  readonly row: (item: T) => ReactNode
}) {
  const { rows, caption, emptyText, className, columns, row } = props
  const items = rows.map((item, id) => ({ id, item }))
  return (
    <AdminList
      items={items}
      listError={null}
      feedback={null}
      loadingText=""
      emptyText={emptyText}
      caption={caption}
      className={`report-table ${className}`}
      columns={columns}
      row={({ item }) => row(item)}
    />
  )
}
