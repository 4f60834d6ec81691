/**
 * CPU profiles of one phase of the bench (`--profile DIR`): V8's sampling
 * profiler through the inspector, started and stopped around the phase, so
 * that a profile of answering holds no indexing and the reverse. The summary
 * gives self and inclusive time by function, which is where time goes.
 */
import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly children?: readonly number[]
}
/** The `.cpuprofile` format (Chrome DevTools, `node --cpu-prof`). */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

/**
 * Runs `phase` (awaited) under the profiler and writes `DIR/NAME.cpuprofile`;
 * the profile is returned too. The profiler samples this thread only: worker
 * threads' time is not in it.
 */
export async function profiled<T>(dir: string, name: string, phase: () => T | Promise<T>): Promise<{ value: T; profile: CpuProfile }> {
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: 200 })
    await session.post('Profiler.start')
    const value = await phase()
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }
    await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
    return { value, profile }
  } finally {
    session.disconnect()
  }
}

/** A function's share of the profile. */
export interface Share {
  readonly name: string
  readonly ms: number
  readonly share: number
}

/** Self and inclusive time by function (`name file`), largest first. */
export function summarise(profile: CpuProfile, top = 25): { totalMs: number; self: Share[]; inclusive: Share[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const sampled = new Map<number, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0
    sampled.set(id, (sampled.get(id) ?? 0) + delta)
    total += delta
  })
  const key = (node: ProfileNode): string => {
    const file = node.callFrame.url.split('/').slice(-2).join('/')
    return `${node.callFrame.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`
  }
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  for (const [id, time] of sampled) {
    const node = byId.get(id)!
    self.set(key(node), (self.get(key(node)) ?? 0) + time)
    // A function counts once per sample however deep it recurses.
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!)
      if (seen.has(k)) continue
      seen.add(k)
      inclusive.set(k, (inclusive.get(k) ?? 0) + time)
    }
  }
  const rank = (m: Map<string, number>): Share[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total === 0 ? 0 : us / total }))
  return { totalMs: total / 1000, self: rank(self), inclusive: rank(inclusive) }
}

/** The summary as text, one function a line. */
export function formatSummary(title: string, summary: ReturnType<typeof summarise>): string {
  const line = (s: Share): string => `  ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.ms.toFixed(0).padStart(7)} ms  ${s.name}`
  return [
    `${title}: ${summary.totalMs.toFixed(0)} ms sampled`,
    ' self time:',
    ...summary.self.map(line),
    ' inclusive time:',
    ...summary.inclusive.map(line),
  ].join('\n')
}
