import type { Locator, Page } from 'playwright-core'

export interface StoreDetails {
  name: string
  address?: string
  phone?: string
  taxNumber?: string
  /** A currency code; NPR when left out. */
  currency?: string
}

export interface OwnerDetails {
  displayName: string
  username: string
  password: string
}

/** First start: the two choices, the set-up form, and the one-time recovery code screen (also after a recovery). */
export class SetupPage {
  readonly welcome: Locator
  readonly setUpMyStore: Locator
  readonly tryDemo: Locator
  readonly form: Locator
  readonly storeName: Locator
  readonly address: Locator
  readonly phone: Locator
  readonly taxNumber: Locator
  readonly currency: Locator
  readonly decimals: Locator
  readonly language: Locator
  readonly timeZone: Locator
  readonly ownerName: Locator
  readonly username: Locator
  readonly password: Locator
  readonly passwordConfirm: Locator
  readonly submit: Locator
  readonly formError: Locator
  readonly notice: Locator
  readonly recoveryCode: Locator
  readonly noted: Locator
  readonly continue: Locator
  readonly print: Locator

  constructor(readonly page: Page) {
    this.welcome = page.getByRole('heading', { name: 'Welcome to Tillwise' })
    this.setUpMyStore = page.getByRole('button', { name: /^Set up my store/ })
    this.tryDemo = page.getByRole('button', { name: /^(Try the demo store|Opening the demo store…)/ })
    this.form = page.getByRole('form', { name: 'Set up your store' })
    this.storeName = this.form.getByLabel('Store name')
    this.address = this.form.getByLabel(/^Address/)
    this.phone = this.form.getByLabel(/^Phone/)
    this.taxNumber = this.form.getByLabel(/^PAN \/ VAT number/)
    this.currency = this.form.getByLabel('Currency')
    this.decimals = this.form.getByLabel('Decimal places')
    this.language = this.form.getByLabel('Language')
    this.timeZone = this.form.getByLabel('Time zone')
    this.ownerName = this.form.getByLabel('Full name')
    this.username = this.form.getByLabel('Username')
    this.password = this.form.getByLabel('Password', { exact: true })
    this.passwordConfirm = this.form.getByLabel('Password again')
    this.submit = this.form.getByRole('button', { name: /^(Set up store|Setting up…)$/ })
    this.formError = this.form.locator('.form-error')
    this.notice = this.form.locator('.setup-notice')
    this.recoveryCode = page.getByTestId('recovery-code')
    this.noted = page.getByRole('checkbox', { name: 'I have written it down or printed it' })
    this.continue = page.getByRole('button', { name: 'Continue' })
    this.print = page.getByRole('button', { name: 'Print' })
  }

  async waitUntilShown(): Promise<void> {
    await this.welcome.waitFor()
  }

  /** The error line under a field of the form, by the field's label. */
  fieldError(field: Locator): Locator {
    return field.locator('xpath=..').locator('.field-error')
  }

  async fill(store: StoreDetails, owner: OwnerDetails): Promise<void> {
    await this.storeName.fill(store.name)
    if (store.address !== undefined) await this.address.fill(store.address)
    if (store.phone !== undefined) await this.phone.fill(store.phone)
    if (store.taxNumber !== undefined) await this.taxNumber.fill(store.taxNumber)
    if (store.currency !== undefined) await this.currency.selectOption(store.currency)
    await this.ownerName.fill(owner.displayName)
    await this.username.fill(owner.username)
    await this.password.fill(owner.password)
    await this.passwordConfirm.fill(owner.password)
  }

  /** From the choices: set the store up and wait for the recovery code; answers the code. */
  async setUp(store: StoreDetails, owner: OwnerDetails): Promise<string> {
    await this.setUpMyStore.click()
    await this.form.waitFor()
    await this.fill(store, owner)
    await this.submit.click()
    await this.recoveryCode.waitFor()
    return (await this.recoveryCode.innerText()).trim()
  }

  /** "I have written it down", then Continue. */
  async acknowledgeCode(): Promise<void> {
    await this.noted.check()
    await this.continue.click()
  }
}
