// ESM entry of `cognito-attr-code/testing`: the CommonJS module's exports, as named exports.
import cjs from './testing.js'

export const { FakeCognito, FakeCognitoError, SentCode } = cjs

export default cjs
