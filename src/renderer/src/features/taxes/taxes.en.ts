import type { Catalog } from '../../platform/i18n/translate'

/** The back office's Taxes section, and the tax choices of the product form and the settings. */
export const taxesEn = {
  'taxes.intro':
    'The taxes the store charges. Give them to products in the product form; new products start with the default taxes set in Settings.',
  'taxes.rules':
    'A tax is never deleted: switch it off instead. A switched-off tax is no longer offered for products and is not charged on the products that still list it. A change to a tax applies from now on: every past invoice keeps the taxes it was sold with.',
  'taxes.new': 'New tax',
  'taxes.loading': 'Loading the taxes…',
  'taxes.none': 'No taxes yet. Add one with “New tax”.',
  'taxes.caption': 'Taxes',
  'taxes.col.name': 'Name',
  'taxes.col.rate': 'Rate',
  'taxes.col.kind': 'Prices',
  'taxes.col.status': 'Status',
  'taxes.col.products': 'Products',
  'taxes.col.actions': 'Actions',
  'taxes.kind.included': 'Included in the price',
  'taxes.kind.added': 'Added on top',
  'taxes.status.active': 'On',
  'taxes.status.inactive': 'Switched off',
  'taxes.edit': 'Edit',
  'taxes.editLabel': 'Edit {name}',
  'taxes.switchOff': 'Switch off',
  'taxes.switchOffLabel': 'Switch off {name}',
  'taxes.switchOn': 'Switch on',
  'taxes.switchOnLabel': 'Switch on {name}',
  'taxes.keys.new': 'new tax',
  'taxes.created': 'Created the tax “{name}”.',
  'taxes.updated': 'Saved “{name}”.',
  'taxes.switchedOff': '“{name}” is switched off: it is no longer charged or offered for products.',
  'taxes.switchedOn': '“{name}” is switched on again and charged on the products that list it.',

  'taxes.createTitle': 'New tax',
  'taxes.editTitle': 'Edit {name}',
  'taxes.form.name': 'Name',
  'taxes.form.nameHint': 'As the receipt prints it, for example VAT.',
  'taxes.form.rate': 'Rate (%)',
  'taxes.form.rateHint': 'A percent, for example 13 or 12.5.',
  'taxes.form.kind': 'Shelf prices',
  'taxes.form.included': 'Include the tax (the price on the shelf already holds it)',
  'taxes.form.added': 'Add the tax on top of the price',
  'taxes.form.changeNote': 'Sales from now on use the change; past invoices keep the tax they were sold with.',
  'taxes.form.create': 'Create tax',
  'taxes.form.save': 'Save',
  'taxes.form.saving': 'Saving…',
  'taxes.form.cancel': 'Cancel',
  'taxes.invalid.rate': 'Enter the rate as a percent from 0 to 100, with at most 2 digits after the point.',

  'taxes.choice.included': '{name} {rate}, included',
  'taxes.choice.added': '{name} {rate}, added on top',
  'taxes.choice.off': 'switched off: not charged',
  'taxes.choices.none': 'No taxes are switched on. Add them under Taxes.',
} as const satisfies Catalog

export type TaxesTexts = typeof taxesEn
