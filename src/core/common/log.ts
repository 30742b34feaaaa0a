/** Where unexpected errors go, with their stack; never to a caller. */
export type LogError = (message: string, error: unknown) => void

export const logToConsole: LogError = (message, error) => {
  console.error(`[tillwise] ${message}`, error)
}
