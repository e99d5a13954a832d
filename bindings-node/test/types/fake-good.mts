// Correct usage of cognito-attr-code/testing: must type-check.
import { Client } from 'cognito-attr-code'
import { FakeCognito, FakeCognitoError, type SentCode, type FakeUser, type ReceivedRequest } from 'cognito-attr-code/testing'

const fake: FakeCognito = await FakeCognito.start({ region: 'eu-west-1', seed: 1, dailyEmailQuota: 50 })
const token: string = fake.addUser('jane', { email: 'jane@example.com', emailVerified: false, attributes: { name: 'Jane' } })
const idToken: string = fake.mintToken('jane', { tokenUse: 'id', adminScope: false, expired: true })
await new Client({ endpointUrl: fake.endpointUrl }).getAttrCode({ accessToken: token, attributeName: 'email' })
const codes: SentCode[] = fake.codes('jane')
const medium: 'EMAIL' | 'SMS' = codes[0].deliveryMedium
const code: string | null = fake.lastCode('jane', 'email')
const user: FakeUser = fake.user('jane')
const verified: boolean = user.emailVerified
const now: number = fake.advance({ hours: 1, minutes: 2, seconds: 3 })
fake.failNext({ operation: 'VerifyUserAttribute', error: 'InternalErrorException', message: 'm', status: 500, delay: 10, count: 2 })
fake.failNext({ reset: true })
fake.revokeTokens('jane')
const requests: ReceivedRequest[] = fake.requests
const region: string = fake.region
await fake.stop()
try {
  fake.user('jane')
} catch (error) {
  if (error instanceof FakeCognitoError) console.log(error.code, error.argument)
}
console.log(idToken, medium, code, verified, now, requests, region)
