import { Table } from '@mantine/core'
import type { ReactNode } from 'react'

/** A table that scrolls sideways on a phone: the scrolling region is named and reachable by keyboard. */
export function ScrollTable({ label, testId, minWidth = 560, children }: { label: string; testId: string; minWidth?: number; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover miw={minWidth} data-testid={testId} fz="sm">
        <Table.Caption>{label}</Table.Caption>
        {children}
      </Table>
    </div>
  )
}
