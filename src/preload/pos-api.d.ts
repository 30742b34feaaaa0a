import type { PosApi } from '#shared/ipc/contract'

declare global {
  interface Window {
    readonly pos: PosApi
  }
}

export {}
