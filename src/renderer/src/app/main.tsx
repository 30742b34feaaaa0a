// First: configures zod before any module builds a schema (see the module).
import '../platform/zod-jitless'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { startCustomerDisplay } from '../features/customer-display/public'
import { windowClient } from '../platform/api/client'
import { App } from './app'
import { createPosStore } from './store'
import { StoreProvider } from './store-provider'
import './fonts.css'
import './app.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

const store = createPosStore({ api: windowClient, newKey: () => crypto.randomUUID() })
// The customer display follows the store; its calls go around the funnel: a refused state is never the till's business.
startCustomerDisplay(store, { api: windowClient })

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
)
void store.getState().session.appStarted()
