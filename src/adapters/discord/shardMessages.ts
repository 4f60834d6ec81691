/**
 * What a shard manager says to its shard processes over the IPC channel that
 * discord.js's ShardingManager opens. Stopping goes this way rather than by
 * signal: a shard that already got the terminal's SIGINT, or systemd's SIGTERM
 * sent to the whole group, would take a second signal as "exit now, unclean".
 * No SDK here, so a shard process can listen before loading discord.js.
 */

/** Asks a shard process to shut down as on SIGTERM: finish answers in flight, disconnect, exit 0. */
export const STOP_SHARD = { verbatim: 'stop shard' } as const

export function isStopShard(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { verbatim?: unknown }).verbatim === STOP_SHARD.verbatim
}
