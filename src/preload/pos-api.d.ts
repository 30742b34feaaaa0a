import type { PosApi } from '../shared/contract'

declare global {
  interface Window {
    readonly pos: PosApi
  }
}

export {}
