/**
 * A token card's code as its QR makes a scanner type it: a UUID, any case. The till reads a scanned
 * code of this shape as a token, so no product code (SKU or barcode) may have it. Pure and free of
 * zod, so the CSV reader's worker can use it.
 */
const TOKEN_CODE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function looksLikeTokenCode(code: string): boolean {
  return TOKEN_CODE.test(code.trim())
}
