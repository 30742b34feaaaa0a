/** What the app may use of the customer display: the publisher it starts once, next to the store. */
export { startCustomerDisplay, type CustomerDisplayOptions, type DisplayStore } from './display-publisher'
export { displayStateOf, type DisplaySource } from './display-state'
