import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A port on 127.0.0.1 nothing listens on right now: for a process under test to bind, or to find closed. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  await new Promise((done) => server.close(done))
  return port
}
