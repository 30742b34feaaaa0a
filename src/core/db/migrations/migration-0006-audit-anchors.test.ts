import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditRows } from '#core/audit/audit.service'
import { auditHash, GENESIS_HASH } from '#core/db/audit-chain'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0006-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0005-sign-in-guard' })).close(true)
  withRawDb(dbPath, (db) => {
    const tillId = db.prepare("select value from setting where key = 'tillId'").pluck().get()
    let prev = GENESIS_HASH
    for (let i = 1; i <= 3; i += 1) {
      const fields = {
        prevHash: prev,
        at: `2026-03-1${i}T10:00:00.000Z`,
        action: 'sale',
        actorUserId: null,
        actorName: 'Asha',
        subject: `invoice ${i}`,
        details: '{}',
      }
      const hash = auditHash(fields)
      db.prepare(
        `insert into audit_entry (at, action, actor_user_id, actor_name, subject, details, prev_hash, hash, uid, till_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(fields.at, fields.action, null, fields.actorName, fields.subject, fields.details, prev, hash, `uid-${i}`, tillId)
      prev = hash
    }
  })
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0006: audit anchors', () => {
  it('adds an empty signature to every entry and an index for sale look-ups, keeping the chain', async () => {
    const rows = () =>
      withRawDb(dbPath, (db) => db.prepare('select id, at, action, subject, prev_hash, hash from audit_entry order by id').all())
    const before = rows()
    await (await openDatabase(dbPath, { migrateTo: '0006-audit-anchors' })).close(true)
    expect(rows()).toEqual(before)
    withRawDb(dbPath, (db) => {
      expect(db.prepare('select count(*) from audit_entry where mac is not null').pluck().get()).toBe(0)
      expect(db.prepare("select count(*) from sqlite_master where name = 'audit_entry_action_subject_index'").pluck().get()).toBe(1)
      expect(verifyAuditRows(db.prepare('select * from audit_entry order by id').all() as never)).toEqual({ ok: true, entries: 3 })
    })
  })
})
