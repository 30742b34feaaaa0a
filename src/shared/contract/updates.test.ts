import { describe, expect, it } from 'vitest'
import { isLocalNetworkHost, updatesUrl, updatesUrlProblem } from './updates'

describe('the update folder’s address', () => {
  it.each([
    'https://updates.example.com/tillwise/',
    'https://updates.example.com:8443/tillwise',
    'http://localhost:8080/tillwise/',
    'http://127.0.0.1/tillwise/',
    'http://192.168.1.20/tillwise/',
    'http://10.0.0.5/',
    'http://172.16.4.2/',
    'http://172.31.255.1/',
    'http://169.254.10.10/',
    'http://[::1]:8080/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://backoffice/tillwise/',
    'http://backoffice.local/tillwise/',
    'http://nas.lan/updates/',
    'http://server.home.arpa/',
  ])('takes %s', (url) => {
    expect(updatesUrlProblem(url)).toBeNull()
    expect(updatesUrl.safeParse(url).success).toBe(true)
  })

  it.each([
    ['http://updates.example.com/', 'insecure'],
    ['http://172.32.0.1/', 'insecure'],
    ['http://8.8.8.8/', 'insecure'],
    // The URL parser reads this as 8.8.8.8: an address is judged as parsed, not as typed.
    ['http://134744072/', 'insecure'],
    ['http://[2001:db8::1]/', 'insecure'],
    ['http://localhost.example.com/', 'insecure'],
    ['ftp://192.168.1.20/', 'scheme'],
    ['file:///srv/updates/', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://sita:secret@updates.example.com/', 'credentials'],
    ['https://sita@updates.example.com/', 'credentials'],
    ['https://updates.example.com/?channel=beta', 'queryOrFragment'],
    ['https://updates.example.com/#x', 'queryOrFragment'],
    ['https://updates.example.com/?', 'queryOrFragment'],
    ['updates.example.com/tillwise', 'notUrl'],
    ['', 'notUrl'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(updatesUrlProblem(url)).toBe(problem)
    expect(updatesUrl.safeParse(url).success).toBe(false)
  })

  it('is trimmed, at most 300 characters, or null for off', () => {
    expect(updatesUrl.parse('  https://updates.example.com/  ')).toBe('https://updates.example.com/')
    expect(updatesUrl.parse(null)).toBeNull()
    expect(updatesUrl.safeParse(`https://updates.example.com/${'a'.repeat(272)}`).success).toBe(true)
    expect(updatesUrl.safeParse(`https://updates.example.com/${'a'.repeat(273)}`).success).toBe(false)
  })

  it('counts only the shop’s own network as local', () => {
    expect(isLocalNetworkHost('LOCALHOST')).toBe(true)
    expect(isLocalNetworkHost('till-2.localhost')).toBe(true)
    expect(isLocalNetworkHost('example.com')).toBe(false)
    expect(isLocalNetworkHost('192.168.1.300')).toBe(false)
    expect(isLocalNetworkHost('1234')).toBe(false)
  })
})
