/**
 * The release workflow's order, read from its file: it cannot run here, so its promises are
 * checked as text. Each runner tests the app, packs it, starts what it packed, and publishes last.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')
const workflow = readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')
const installersJob = workflow.slice(workflow.indexOf('\n  installers:'))
/** The installers job's steps, each as its text. */
const steps = installersJob.split('\n      - ').slice(1)
const stepIndex = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step))

describe('the release workflow, on each runner', () => {
  it('drives the Electron app, packs, starts the packed app, and only then publishes', () => {
    const order = [
      /tests\/e2e\/electron\.spec\.ts/,
      /npm run dist -- --publish never/,
      /scripts\/packaged-smoke\.ts/,
      /gh release upload/,
    ].map(stepIndex)
    expect(order.every((index) => index >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(new Set(order).size).toBe(order.length)
    expect(existsSync(join(ROOT, 'scripts', 'packaged-smoke.ts'))).toBe(true)
  })

  it('publishes from nowhere else, and only for a tag', () => {
    expect(steps.filter((step) => /npm run dist/.test(step) && !/npm run dist -- --publish never/.test(step))).toEqual([])
    const publishing = steps.filter((step) => /gh release upload|--publish (always|onTag|onTagOrDraft)/.test(step))
    expect(publishing).toHaveLength(1)
    expect(publishing[0]).toMatch(/\n {8}if: env\.PUBLISH == 'always'\n/)
    expect(installersJob).toMatch(/PUBLISH: \$\{\{ startsWith\(github\.ref, 'refs\/tags\/v'\) && 'always' \|\| 'never' \}\}/)
  })

  it('starts the packed app on every OS, under a display on Linux', () => {
    const starts = steps.filter((step) => /scripts\/packaged-smoke\.ts/.test(step))
    expect(starts.map((step) => /if: runner\.os (==|!=) 'Linux'/.exec(step)?.[1])).toEqual(['==', '!='])
    expect(starts[0]).toMatch(/run: xvfb-run --auto-servernum npx tsx scripts\/packaged-smoke\.ts/)
  })
})
