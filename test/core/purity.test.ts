import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

/**
 * The functional core stays pure: a test reads every file under src/core and
 * fails on I/O, the environment, the clock, randomness, timers and platform
 * SDKs (the way zod's tree test guards its sources). It parses the code, so a
 * comment or a string that mentions `process.env` is fine; code that uses it is not.
 */

const CORE = join(import.meta.dirname, '../../src/core')

/** Packages the core may import: pure computation over data. Add one here only if it does no I/O. */
const PURE_PACKAGES = new Set(['minisearch', 'porter2'])

/** Known impure packages, named in the message so the reason is plain. */
const PLATFORM_PACKAGES = [/^discord\.js$/, /^@discordjs\//, /^@slack\//, /^dotenv$/, /^pino(-|$)/, /^ws$/, /^undici$/, /^axios$/, /^rate-limiter-flexible$/]

/** Globals the core may not touch at all. */
const FORBIDDEN_GLOBALS = new Set([
  'process', 'console', 'performance', 'fetch', 'require', 'setTimeout', 'setInterval', 'setImmediate',
  'queueMicrotask', 'XMLHttpRequest', 'WebSocket', 'Buffer', 'globalThis', 'crypto',
])

/** Members that read the clock or randomness: `Date.now`, `Math.random`. */
const FORBIDDEN_MEMBERS = new Set(['Date.now', 'Math.random', 'crypto.randomUUID', 'crypto.getRandomValues'])

/** Every way `source` breaks purity, as `line: what`. */
export function impurities(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: string[] = []
  const at = (node: ts.Node, what: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`)

  const checkModule = (node: ts.Node, specifier: string) => {
    if (specifier.startsWith('.')) return
    const bare = specifier.replace(/^node:/, '')
    if (specifier.startsWith('node:') || builtinModules.includes(bare)) return at(node, `imports Node's ${specifier}`)
    const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
    if (PLATFORM_PACKAGES.some((p) => p.test(name))) at(node, `imports the platform package ${specifier}`)
    else if (!PURE_PACKAGES.has(name)) at(node, `imports ${specifier}, which is not on the list of pure packages`)
  }

  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!(ts.isImportDeclaration(node) && node.importClause?.isTypeOnly)) checkModule(node, node.moduleSpecifier.text)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments
      if (arg && ts.isStringLiteral(arg)) checkModule(node, arg.text)
      else at(node, 'imports a module chosen at run time')
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      // Without arguments it reads the clock; with a date string it may read the machine's time zone.
      at(node, 'makes a Date (the clock or the local time zone)')
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      at(node, 'reads the clock with Date()')
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const member = `${node.expression.text}.${node.name.text}`
      if (FORBIDDEN_MEMBERS.has(member)) at(node, `uses ${member}`)
    }
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isGlobalReference(node)) at(node, `uses the global ${node.text}`)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** An identifier that refers to a global, not a property name (`x.process`), a key (`{ process: 1 }`) or a declaration. */
function isGlobalReference(node: ts.Identifier): boolean {
  const parent = node.parent
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node) return false
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false
  return true
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.[cm]?tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('the core is pure', () => {
  const files = sourceFiles(CORE)

  test('GIVEN src/core THEN there are files to check', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  test.each(files.map((f) => [relative(CORE, f), f]))('GIVEN src/core/%s THEN it does no I/O, reads no clock or environment and imports no platform SDK', (_, path) => {
    expect(impurities(readFileSync(path, 'utf8'), path)).toEqual([])
  })
})

describe('impurities (the checker itself)', () => {
  const cases: [string, string, RegExp][] = [
    ['reads a file', `import { readFileSync } from 'node:fs'`, /Node's node:fs/],
    ['imports fs without the node: prefix', `import fs from 'fs'`, /Node's fs/],
    ['opens a socket', `import * as net from 'node:net'`, /node:net/],
    ['makes an HTTP request', `import https from 'https'\nhttps.get('x')`, /Node's https/],
    ['spawns a process', `const cp = await import('child_process')`, /child_process/],
    ['reads the environment', `export const level = process.env.LOG_LEVEL`, /global process/],
    ['logs', `export function f() { console.log('x') }`, /global console/],
    ['reads the clock', `export const now = () => Date.now()`, /Date\.now/],
    ['makes a date of now', `export const d = new Date()`, /makes a Date/],
    ['parses a date in the local time zone', `export const d = (s: string) => new Date(s)`, /makes a Date/],
    ['draws a random number', `export const r = Math.random()`, /Math\.random/],
    ['measures time', `export const t = performance.now()`, /global performance/],
    ['sets a timer', `setTimeout(() => {}, 10)`, /global setTimeout/],
    ['imports discord.js', `import { Client } from 'discord.js'`, /platform package discord\.js/],
    ['imports Bolt', `import { App } from '@slack/bolt'`, /platform package @slack\/bolt/],
    ['imports the web client', `export { WebClient } from '@slack/web-api'`, /@slack\/web-api/],
    ['loads dotenv', `import 'dotenv/config'`, /platform package dotenv/],
    ['imports pino', `import { pino } from 'pino'`, /platform package pino/],
    ['imports an unvetted package', `import leftPad from 'left-pad'`, /not on the list of pure packages/],
    ['requires a module', `const fs = require('fs')`, /global require/],
  ]
  test.each(cases)('GIVEN code that %s THEN it is reported', (_, source, message) => {
    const found = impurities(source)
    expect(found.join('\n')).toMatch(message)
  })

  test('GIVEN pure code that only mentions these things in comments, strings, names and types THEN nothing is reported', () => {
    const source = `
      import MiniSearch from 'minisearch'
      import type { Logger } from 'pino'
      import { helper } from './helper.js'
      /** Never read process.env or call console.log or Date.now() here; new Date() is for the shell. */
      type Clock = { now(): number; process: string }
      // setTimeout, fs, discord.js
      const note = "process.env and console.log are for adapters"
      const options = { process: 1, console: 'x', setTimeout: 0 }
      export function parse(date: string, log: Logger) { return Date.UTC(2019, 11, 16) + Number(date) + options.process + note.length }
      export const shape = { performance: 1 }.performance
    `
    expect(impurities(source)).toEqual([])
  })
})
