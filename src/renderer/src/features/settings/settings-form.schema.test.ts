import { describe, expect, it } from 'vitest'
import { storeSettings } from '#shared/testing/settings.fixture'
import { changedSettings, MAX_WALLETS, settingsFormSchema, settingsFormValues, withWallet } from './settings-form.schema'

const REFUSED = {
  cashRounding: 'cash refused',
  percent: 'percent refused',
  printerHost: 'host refused',
  printerDevice: 'device refused',
  printerName: 'name refused',
  updatesUrl: {
    notUrl: 'url: not one',
    scheme: 'url: scheme',
    insecure: 'url: insecure',
    credentials: 'url: credentials',
    queryOrFragment: 'url: query',
    tooLong: 'url: too long',
  },
}

const settings = storeSettings()

function parse(values: object, decimals = 2) {
  return settingsFormSchema(decimals, REFUSED).safeParse({ ...settingsFormValues(settings), ...values })
}

describe('the settings form', () => {
  it('opens on the settings with the cash rounding as an amount and the discount limit as a percent, and sends nothing back unchanged', () => {
    const values = settingsFormValues(settings)
    expect(values).toMatchObject({ cashRoundingIncrement: '1.00', discountLimitPercent: '10', wallets: ['eSewa', 'Khalti'] })
    const parsed = parse({})
    expect(parsed.success && changedSettings(parsed.data, settings)).toEqual({})
    // Typed again as it was (spaces, another spelling of the same amount): still nothing.
    const again = parse({ storeName: ' Shop ', cashRoundingIncrement: '1', discountLimitPercent: '10.00' })
    expect(again.success && changedSettings(again.data, settings)).toEqual({})
  })

  it('sends only the fields that changed, in the contract’s units', () => {
    const parsed = parse({
      taxRounding: 'global',
      cashRoundingIncrement: '0.50',
      cashRoundingMode: 'up',
      discountLimitPercent: '12.5',
      wallets: ['eSewa', 'Khalti', 'Fonepay'],
      defaultTaxRateIds: [],
    })
    expect(parsed.success && changedSettings(parsed.data, settings)).toEqual({
      taxRounding: 'global',
      cashRoundingIncrementCents: 50,
      cashRoundingMode: 'up',
      discountLimitBps: 1250,
      wallets: ['eSewa', 'Khalti', 'Fonepay'],
      defaultTaxRateIds: [],
    })
    // A store without minor units types whole amounts.
    const whole = parse({ cashRoundingIncrement: '5' }, 0)
    expect(whole.success && changedSettings(whole.data, { ...settings, currencyDecimals: 0 })).toMatchObject({
      cashRoundingIncrementCents: 5,
    })
  })

  it('refuses an increment or a percent that is not one, with their own texts', () => {
    for (const typed of ['', '0', '0.001', '-1', 'one', '1000.01']) {
      const result = parse({ cashRoundingIncrement: typed })
      expect(
        result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
        typed,
      ).toEqual([['cashRoundingIncrement', 'cash refused']])
    }
    expect(parse({ cashRoundingIncrement: '1000.00' }).success).toBe(true)
    expect(parse({ cashRoundingIncrement: '0.01' }).success).toBe(true)
    for (const typed of ['', '100.5', '-1', 'ten']) {
      expect(
        parse({ discountLimitPercent: typed }).error?.issues.map((issue) => issue.message),
        typed,
      ).toEqual(['percent refused'])
    }
    expect(parse({ wallets: ['eSewa', 'ESEWA'] }).success).toBe(false)
  })

  it('adds a wallet once, ignoring case, and not past the limit', () => {
    expect(withWallet(['eSewa'], '  Khalti ')).toEqual({ wallets: ['eSewa', 'Khalti'] })
    expect(withWallet(['eSewa'], 'ESEWA')).toEqual({ refused: 'taken' })
    expect(withWallet(['eSewa'], '   ')).toBeNull()
    const full = Array.from({ length: MAX_WALLETS }, (_, index) => `W${index}`)
    expect(withWallet(full, 'One more')).toEqual({ refused: 'full' })
  })

  it('asks of the printer only what its kind needs, in its own words, and sends the printer whole when a field changed', () => {
    const printer = settingsFormValues(settings).printer
    const network = parse({ printer: { ...printer, kind: 'network', host: ' ' } })
    expect(network.success).toBe(false)
    expect(network.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['printer.host', 'host refused']])
    const serial = parse({ printer: { ...printer, kind: 'serial', device: 'ttyUSB0' } })
    expect(serial.error?.issues.map((issue) => issue.message)).toEqual(['device refused'])
    const system = parse({ printer: { ...printer, kind: 'system' } })
    expect(system.error?.issues.map((issue) => issue.message)).toEqual(['name refused'])
    // A host left over from another kind is no concern of a file printer's.
    const file = parse({ printer: { ...printer, kind: 'file', host: 'not a host' } })
    expect(file.success && changedSettings(file.data, settings)).toEqual({ printer: { ...printer, kind: 'file', host: 'not a host' } })
    const good = parse({ printer: { ...printer, kind: 'network', host: '192.168.1.50', port: 9100 } })
    expect(good.success && changedSettings(good.data, settings)).toEqual({ printer: { ...printer, kind: 'network', host: '192.168.1.50' } })
  })
})

describe('the update folder field', () => {
  it('opens empty while updates are off and sends nothing back unchanged', () => {
    expect(settingsFormValues(settings).updatesUrl).toBe('')
    const parsed = parse({ updatesUrl: '   ' })
    expect(parsed.success && changedSettings(parsed.data, settings)).toEqual({})
  })

  it('sends the address typed, trimmed, and null once emptied again', () => {
    const parsed = parse({ updatesUrl: ' https://updates.example.com/tillwise/ ' })
    expect(parsed.success && changedSettings(parsed.data, settings)).toEqual({ updatesUrl: 'https://updates.example.com/tillwise/' })
    const on = storeSettings({ updatesUrl: 'https://updates.example.com/tillwise/' })
    expect(settingsFormValues(on).updatesUrl).toBe('https://updates.example.com/tillwise/')
    const off = settingsFormSchema(2, REFUSED).safeParse({ ...settingsFormValues(on), updatesUrl: '' })
    expect(off.success && changedSettings(off.data, on)).toEqual({ updatesUrl: null })
  })

  it.each([
    ['http://updates.example.com/', 'url: insecure'],
    ['ftp://192.168.1.20/', 'url: scheme'],
    ['updates.example.com', 'url: not one'],
    ['https://a:b@updates.example.com/', 'url: credentials'],
    ['https://updates.example.com/?x=1', 'url: query'],
    [`https://updates.example.com/${'a'.repeat(300)}`, 'url: too long'],
  ])('refuses %s in its own words', (url, message) => {
    const parsed = parse({ updatesUrl: url })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.filter((issue) => issue.path[0] === 'updatesUrl').map((issue) => issue.message)).toEqual([message])
  })

  it('opens on the customer display as saved, and sends it whole once switched on or moved', () => {
    const values = settingsFormValues(settings)
    expect(values.customerDisplay).toEqual({ enabled: false, screenId: null })
    const unchanged = parse({})
    expect(unchanged.success && changedSettings(unchanged.data, settings)).toEqual({})
    const moved = parse({ customerDisplay: { enabled: true, screenId: 2 } })
    expect(moved.success && changedSettings(moved.data, settings)).toEqual({ customerDisplay: { enabled: true, screenId: 2 } })
    expect(parse({ customerDisplay: { enabled: true, screenId: -1 } }).success).toBe(false)
  })
})
