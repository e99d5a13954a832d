// The server thread behind server.mjs.
import http from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'

let reply = workerData
let requests = []
let connections = 0
let arrivals = 0
const sockets = new Set()
// Replies held until the main thread releases them (`hold`), and questions waiting for a number
// of arrivals.
let held = []
let waiting = []

function answer(recorded) {
  if (reply.echoAttributeName) {
    return {
      status: 200,
      delayMs: reply.delayMs,
      hold: reply.hold,
      body: { CodeDeliveryDetails: { AttributeName: recorded.body?.AttributeName } },
    }
  }
  return reply
}

const server = http.createServer((req, res) => {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8')
    let body
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    const recorded = { method: req.method, url: req.url, headers: req.headers, text, body }
    requests.push(recorded)
    arrivals++
    waiting = waiting.filter(({ id, count }) => {
      if (arrivals < count) return true
      parentPort.postMessage({ id })
      return false
    })
    const { status = 200, headers = {}, body: out, delayMs = 0, hang, hold } = answer(recorded)
    if (hang) return
    const send = () => {
      if (res.destroyed) return
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...headers })
      res.end(out === undefined ? '' : typeof out === 'string' ? out : JSON.stringify(out))
    }
    // setTimeout(fn, 0) waits at least 1 ms: without a delay, answer at once.
    if (hold) held.push(send)
    else if (delayMs > 0) setTimeout(send, delayMs)
    else send()
  })
})
server.on('connection', (socket) => {
  connections++
  sockets.add(socket)
  socket.on('close', () => sockets.delete(socket))
})

parentPort.on('message', ({ id, type, reply: next, count }) => {
  if (type === 'arrivals') {
    if (arrivals >= count) parentPort.postMessage({ id })
    else waiting.push({ id, count })
  } else if (type === 'release') {
    const sends = held
    held = []
    for (const send of sends) send()
    parentPort.postMessage({ id })
  } else if (type === 'reply') {
    reply = next
    parentPort.postMessage({ id })
  } else if (type === 'requests') {
    parentPort.postMessage({ id, value: requests })
    requests = []
  } else if (type === 'connections') {
    parentPort.postMessage({ id, value: connections })
  } else if (type === 'close') {
    for (const socket of sockets) socket.destroy()
    server.close(() => parentPort.postMessage({ id }))
  }
})

server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port))
