import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { CustomerDisplayApi } from '#shared/contract/display'
import { DisplayScreen } from './display-screen'
import '../app/fonts.css'
import './display.css'

declare global {
  interface Window {
    /** The display window's preload exposes this, and nothing else (`src/preload/display.ts`). */
    readonly customerDisplay?: CustomerDisplayApi
  }
}

const container = document.getElementById('root')
if (!container) throw new Error('display.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <DisplayScreen source={window.customerDisplay} />
  </StrictMode>,
)
