import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { posStore } from './store/pos-store'
import './styles/app.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
void posStore.getState().appStarted()
