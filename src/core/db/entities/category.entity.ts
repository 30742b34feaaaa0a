import { defineEntity, p } from '@mikro-orm/core'

/** A shelf group of the catalog (Dairy, Noodles…): a product has at most one. */
export const CategorySchema = defineEntity({
  name: 'Category',
  tableName: 'category',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string(),
    /** The name trimmed and lower-cased: two categories never differ only by case. */
    nameKey: p.string().unique(),
    createdAt: p.string(),
  },
})

export class Category extends CategorySchema.class {}
CategorySchema.setClass(Category)
