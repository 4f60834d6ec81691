import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

/**
 * A fake of Slack's Socket Mode endpoint on 127.0.0.1: the fake Web API's
 * `apps.connections.open` points the real Socket Mode client here; it says
 * `hello`, delivers envelopes (slash commands, Events API events) and returns
 * what the app acknowledged each with.
 */
export interface FakeSocketMode {
  readonly url: string
  /** Resolves once a client connected and was greeted. */
  readonly connected: Promise<void>
  /** Sends an envelope and resolves with the payload of the app's acknowledgement. */
  deliver(type: 'slash_commands' | 'events_api', payload: Record<string, unknown>): Promise<Record<string, unknown>>
  close(): Promise<void>
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const pending = new Map<string, (payload: Record<string, unknown>) => void>()
  let socket: WebSocket | undefined
  const connected = new Promise<void>((resolve) => {
    server.on('connection', (ws) => {
      socket = ws
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> }
        if (message.envelope_id !== undefined) pending.get(message.envelope_id)?.(message.payload ?? {})
      })
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0VERBATIM' } }))
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected,
    deliver(type, payload) {
      if (socket === undefined) return Promise.reject(new Error('No Socket Mode client connected'))
      const envelopeId = randomUUID()
      const acked = new Promise<Record<string, unknown>>((resolve) => pending.set(envelopeId, resolve))
      const extra = type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}
      socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands', ...extra }))
      return acked
    },
    close() {
      for (const client of server.clients) client.terminate()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
