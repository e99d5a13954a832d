// A proxy on 127.0.0.1 that records the target of each CONNECT and refuses it: where a client
// would have connected, without any traffic leaving the machine.
import net from 'node:net'
import { once } from 'node:events'

export async function startConnectRecorder() {
  const targets = []
  const server = net.createServer((socket) => {
    // The request head may arrive in several segments: read up to its blank line (at most 64 KiB).
    let head = ''
    const onData = (chunk) => {
      head += chunk.toString('latin1')
      if (!head.includes('\r\n\r\n') && head.length < 65536) return
      socket.off('data', onData)
      const [method, target] = head.split(' ')
      if (method === 'CONNECT') targets.push(target)
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n')
    }
    socket.on('data', onData)
    socket.on('error', () => {})
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    targets,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
