// Wrong usage of cognito-attr-code/testing: each line marked in types.test.mjs must fail.
import { FakeCognito } from 'cognito-attr-code/testing'

const fake = await FakeCognito.start()
fake.addUser('jane', { phone_number: '+15555550100' })
fake.mintToken('jane', { tokenUse: 'refresh' })
fake.advance({ days: 1 })
const token: number = fake.addUser('jane')
const fake2 = new FakeCognito()
console.log(token, fake2)
