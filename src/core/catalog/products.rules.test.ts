import { describe, expect, it } from 'vitest'
import { IMAGE_BYTES } from '#core/testing/product-factory'
import { categoryKey, containsPattern, imageTypeOf, joinTags, normalizeTags, splitTags } from './products.rules'

describe('tags', () => {
  it('are trimmed, kept in order as first typed, once each without regard to case', () => {
    expect(normalizeTags([' Vegan ', 'local', 'VEGAN', '', '  ', 'Local', 'gluten-free'])).toEqual(['Vegan', 'local', 'gluten-free'])
    expect(normalizeTags([])).toEqual([])
  })

  it('are joined by | for the search index, and split back', () => {
    expect(joinTags(['a b', 'c'])).toBe('a b|c')
    expect(joinTags([])).toBeNull()
    expect(splitTags('a b|c')).toEqual(['a b', 'c'])
    expect(splitTags(null)).toEqual([])
    expect(splitTags('')).toEqual([])
  })
})

describe('a category key', () => {
  it('ignores case and surrounding spaces', () => {
    expect(categoryKey('  Rice & Dal ')).toBe('rice & dal')
    expect(categoryKey('DAIRY')).toBe(categoryKey('dairy'))
  })
})

describe('imageTypeOf', () => {
  it('knows PNG, JPEG and WebP by their first bytes', () => {
    expect(imageTypeOf(IMAGE_BYTES.png)).toBe('png')
    expect(imageTypeOf(IMAGE_BYTES.jpg)).toBe('jpg')
    expect(imageTypeOf(IMAGE_BYTES.webp)).toBe('webp')
  })

  it.each([
    ['GIF', IMAGE_BYTES.gif],
    ['nothing', Buffer.alloc(0)],
    ['half a PNG signature', IMAGE_BYTES.png.subarray(0, 4)],
    ['RIFF that is not WebP (a WAV)', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')])],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
  ])('refuses %s', (_label, bytes) => {
    expect(imageTypeOf(bytes)).toBeNull()
  })
})

describe('containsPattern', () => {
  it('makes LIKE wildcards in the text literal', () => {
    expect(containsPattern('100%')).toBe('%100\\%%')
    expect(containsPattern('a_b\\c')).toBe('%a\\_b\\\\c%')
  })
})
