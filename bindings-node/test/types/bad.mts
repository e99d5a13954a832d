// Wrong usage: every line marked below must be a type error, so this file must NOT type-check.
import { getAttrCode, Client, GetUserAttributeVerificationCodeCommand } from 'cognito-attr-code'

export async function run(): Promise<void> {
  await getAttrCode({ accessToken: 'eyJ...' }) // missing attributeName
  await getAttrCode({ accessToken: 1, attributeName: 'email' }) // token must be a string
  new Client({ endpointURL: 'http://127.0.0.1' }) // unknown setting
  const details = await getAttrCode({ accessToken: 'eyJ...', attributeName: 'email' })
  details.destination // possibly null
  new GetUserAttributeVerificationCodeCommand({ accessToken: 'eyJ...', attributeName: 'email' }) // SDK casing
  await getAttrCode({ accessToken: 'eyJ...', attributeName: 'email' }, { maxConcurrentCalls: 2 }) // a Client's setting
}
