/** What the app and other features may use of the session: who is signed in, and the sign-in screen. */
export { currencyOf, languageOf, localeOf, sessionSlice, storeLanguageOf, type SessionDeps, type SessionState } from './session.slice'
export { sessionEn } from './session.en'
export { sessionNe } from './session.ne'
export { SignInScreen } from './sign-in-screen'
export { useSession } from './use-session'
