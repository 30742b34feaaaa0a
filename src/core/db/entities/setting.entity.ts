import { defineEntity, p } from '@mikro-orm/core'

export const SettingSchema = defineEntity({
  name: 'Setting',
  tableName: 'setting',
  properties: {
    key: p.string().primary(),
    value: p.string(),
  },
})

export class Setting extends SettingSchema.class {}
SettingSchema.setClass(Setting)
