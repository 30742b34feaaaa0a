import { z } from 'zod'
import { channel } from '../ipc/channel'
import { protectedInput, text } from './common'
import { userDto } from './auth'

export const usersContract = {
  'users:unlock': channel('users.manage', protectedInput({ username: text(64).min(1) }), z.strictObject({ user: userDto })),
}
