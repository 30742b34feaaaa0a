import { describe, expect, it } from 'vitest'
import { idleDisplayState, type DisplayState } from '#shared/contract/display'
import { DISPLAY_STATE_EVENT as MAIN_SENDS_ON } from '#shared/ipc/channel-names'
import { buildCustomerDisplayApi, DISPLAY_STATE_EVENT } from './display-api.builder'

const IDLE = idleDisplayState({ storeName: 'Himal Kirana', currency: 'NPR', currencyDecimals: 2, locale: 'en-IN' })
const SALE: DisplayState = {
  ...IDLE,
  phase: 'sale',
  lines: [{ name: 'Tea', quantity: 1, lineTotalCents: 25_000 }],
  lineCount: 1,
  itemCount: 1,
  totalCents: 25_000,
}

/** A source main pushes into by hand, as `ipcRenderer.on` would. */
function manualSource() {
  const source = { deliver: (_state: unknown) => {}, listening: 0, stopped: 0 }
  const api = buildCustomerDisplayApi((deliver) => {
    source.deliver = deliver
    source.listening += 1
    return () => {
      source.stopped += 1
    }
  })
  return { api, source }
}

describe('buildCustomerDisplayApi', () => {
  it('listens on the event main sends states on', () => {
    expect(DISPLAY_STATE_EVENT).toBe(MAIN_SENDS_ON)
  })

  it('exposes only subscribe, on a frozen object', () => {
    const { api } = manualSource()
    expect(Object.keys(api)).toEqual(['subscribe'])
    expect(Object.isFrozen(api)).toBe(true)
    expect(() => {
      ;(api as unknown as Record<string, unknown>)['invoke'] = () => 'added'
    }).toThrow(TypeError)
    expect(() => {
      ;(api as unknown as Record<string, unknown>)['subscribe'] = () => 'swapped'
    }).toThrow(TypeError)
  })

  it('hands each state, and only the state, to every subscriber until it unsubscribes', () => {
    const { api, source } = manualSource()
    const first: unknown[][] = []
    const second: unknown[][] = []
    const stopFirst = api.subscribe((...args) => void first.push(args))
    api.subscribe((...args) => void second.push(args))
    source.deliver(IDLE)
    stopFirst()
    stopFirst()
    source.deliver(SALE)
    expect(first).toEqual([[IDLE]])
    expect(second).toEqual([[IDLE], [SALE]])
  })

  it('gives a late subscriber the latest state at once', () => {
    const { api, source } = manualSource()
    source.deliver(IDLE)
    source.deliver(SALE)
    const heard: DisplayState[] = []
    api.subscribe((state) => void heard.push(state))
    expect(heard).toEqual([SALE])
  })

  it('listens to main once, whatever the subscribers, and ignores what is not a state', () => {
    const { api, source } = manualSource()
    const heard: DisplayState[] = []
    api.subscribe((state) => void heard.push(state))
    api.subscribe(() => undefined)
    source.deliver(null)
    source.deliver('text')
    expect(source.listening).toBe(1)
    expect(heard).toEqual([])
  })

  it('keeps telling the others when one listener throws, and refuses a listener that is not a function', () => {
    const { api, source } = manualSource()
    const heard: DisplayState[] = []
    api.subscribe(() => {
      throw new Error('broken screen code')
    })
    api.subscribe((state) => void heard.push(state))
    const errors = console.error
    console.error = () => undefined
    try {
      source.deliver(SALE)
    } finally {
      console.error = errors
    }
    expect(heard).toEqual([SALE])
    expect(() => api.subscribe('nope' as never)).toThrow(TypeError)
  })
})
