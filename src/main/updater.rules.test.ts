import { describe, expect, it } from 'vitest'
import { compareVersions, createUpdaterPort, feedOptions, isNewerVersion, type AutoUpdaterLike, type FeedOptions } from './updater.rules'

describe('what counts as newer', () => {
  it.each([
    ['0.2.0', '0.1.0'],
    ['0.1.1', '0.1.0'],
    ['1.0.0', '0.99.99'],
    ['0.10.0', '0.9.0'],
    ['1.4.0', '1.4.0-beta.2'],
    ['1.4.0-beta.10', '1.4.0-beta.2'],
    ['1.4.0-beta', '1.4.0-alpha'],
    ['1.4.0-beta.1', '1.4.0-beta'],
    ['1.4.0-alpha', '1.4.0-1'],
  ])('%s is newer than %s', (candidate, running) => {
    expect(isNewerVersion(candidate, running)).toBe(true)
    expect(isNewerVersion(running, candidate)).toBe(false)
  })

  it('is never the same version again, nor one that is not a version', () => {
    expect(isNewerVersion('0.1.0', '0.1.0')).toBe(false)
    expect(isNewerVersion('0.1.0+build.7', '0.1.0')).toBe(false)
    expect(compareVersions('0.1.0+build.7', '0.1.0')).toBe(0)
    expect(isNewerVersion('latest', '0.1.0')).toBe(false)
    expect(isNewerVersion('2.0', '0.1.0')).toBe(false)
    expect(compareVersions('1.0.0', 'x')).toBeNull()
  })
})

describe('the feed', () => {
  it('is the generic provider at the store’s folder', () => {
    expect(feedOptions('https://updates.example.com/tillwise/')).toEqual({
      provider: 'generic',
      url: 'https://updates.example.com/tillwise/',
    })
  })

  it('refuses an address the settings refuse', () => {
    expect(() => feedOptions('http://updates.example.com/')).toThrow(expect.objectContaining({ code: 'badFeedUrl' }))
  })
})

/** Stands in for electron-updater's autoUpdater: records what the port asks of it. */
function standIn(offer: { isUpdateAvailable: boolean; updateInfo: { version: string; releaseDate?: string } } | null) {
  const calls: string[] = []
  const updater: AutoUpdaterLike & { calls: string[]; offer: typeof offer } = {
    calls,
    offer,
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    setFeedURL: (options: FeedOptions) => calls.push(`feed ${options.provider} ${options.url}`),
    checkForUpdates: async () => {
      calls.push('check')
      return updater.offer
    },
    downloadUpdate: async () => calls.push('download'),
    quitAndInstall: (isSilent, isForceRunAfter) => calls.push(`quitAndInstall ${String(isSilent)} ${String(isForceRunAfter)}`),
  }
  return updater
}

const URL = 'https://updates.example.com/tillwise/'

describe('the port', () => {
  it('loads nothing until the first check, then turns every automatic step off', async () => {
    const updater = standIn({ isUpdateAvailable: true, updateInfo: { version: '0.2.0', releaseDate: '2026-03-14' } })
    let loads = 0
    const port = createUpdaterPort(async () => {
      loads += 1
      return updater
    }, '0.1.0')
    expect(loads).toBe(0)
    expect(await port.check(URL)).toEqual({ version: '0.2.0', releaseDate: '2026-03-14' })
    expect(await port.check(URL)).toEqual({ version: '0.2.0', releaseDate: '2026-03-14' })
    expect(loads).toBe(1)
    expect([updater.autoDownload, updater.autoInstallOnAppQuit, updater.allowDowngrade]).toEqual([false, false, false])
    expect(updater.calls).toEqual([`feed generic ${URL}`, 'check', `feed generic ${URL}`, 'check'])
  })

  it('checks, downloads once and installs silently, each only what the step before found', async () => {
    const updater = standIn({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } })
    const port = createUpdaterPort(async () => updater, '0.1.0')
    await expect(port.download('0.2.0')).rejects.toMatchObject({ code: 'notChecked' })
    expect(await port.check(URL)).toEqual({ version: '0.2.0' })
    await expect(port.install('0.2.0')).rejects.toMatchObject({ code: 'notDownloaded' })
    await expect(port.download('0.3.0')).rejects.toMatchObject({ code: 'notChecked' })
    await port.download('0.2.0')
    await port.download('0.2.0')
    await port.install('0.2.0')
    expect(updater.calls.slice(2)).toEqual(['download', 'quitAndInstall true true'])
  })

  it('answers null when nothing is newer, even when the feed says otherwise (no downgrade)', async () => {
    const updater = standIn({ isUpdateAvailable: true, updateInfo: { version: '0.0.9' } })
    const port = createUpdaterPort(async () => updater, '0.1.0')
    expect(await port.check(URL)).toBeNull()
    updater.offer = { isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }
    expect(await port.check(URL)).toBeNull()
    await expect(port.download('0.0.9')).rejects.toMatchObject({ code: 'notChecked' })
  })

  it('forgets what it found at the next check', async () => {
    const updater = standIn({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } })
    const port = createUpdaterPort(async () => updater, '0.1.0')
    await port.check(URL)
    await port.download('0.2.0')
    updater.offer = { isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }
    await port.check(URL)
    await expect(port.install('0.2.0')).rejects.toMatchObject({ code: 'notDownloaded' })
  })

  it('says so when electron-updater is not active (an app not packaged)', async () => {
    const port = createUpdaterPort(async () => standIn(null), '0.1.0')
    await expect(port.check(URL)).rejects.toMatchObject({ code: 'updaterInactive' })
  })

  it('refuses a feed the settings would refuse, before loading anything', async () => {
    let loads = 0
    const port = createUpdaterPort(async () => {
      loads += 1
      return standIn(null)
    }, '0.1.0')
    await expect(port.check('ftp://updates.example.com/')).rejects.toMatchObject({ code: 'badFeedUrl' })
    expect(loads).toBe(0)
  })
})
