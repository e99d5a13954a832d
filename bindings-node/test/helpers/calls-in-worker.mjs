// A worker thread of io-threads.test.mjs: calls through its own Client and the one-shot
// functions, then posts the results; with `hold`, posts 'sent' once its call is under way and
// waits (the parent terminates it with the call still pending).
import { parentPort, workerData } from 'node:worker_threads'
import * as lib from 'cognito-attr-code'

const { url, names, hold, token } = workerData
const client = new lib.Client({ endpointUrl: url })
if (hold) {
  client.getAttrCode({ accessToken: token, attributeName: names[0] })
  parentPort.postMessage('sent')
} else {
  const call = (name, i) => {
    const input = { accessToken: token, attributeName: name }
    return i % 2 ? lib.getAttrCode(input, { endpointUrl: url }) : client.getAttrCode(input)
  }
  const results = await Promise.all(names.map((name, i) => call(name, i).then((details) => details.attributeName)))
  parentPort.postMessage(results)
}
