/**
 * A worker thread of buildLibrary: reads and analyses the articles it is
 * sent with the core's pure `prepareArticle`, and posts them back packed.
 * A bug throws, which ends the worker and fails the build.
 */
import { parentPort } from 'node:worker_threads'
import { prepareArticle } from '../core/library.js'
import { createStemmer } from '../core/terms.js'
import { packArticle, type ReadReply, type ReadRequest } from './buildLibrary.js'

const port = parentPort
if (!port) throw new Error('readArticles.worker runs as a worker thread of buildLibrary')
// One stemmer for every article this worker reads: it only remembers stems.
const stemmer = createStemmer()
port.on('message', ({ first, inputs }: ReadRequest) => {
  const reply: ReadReply = { first, prepared: inputs.map((input) => packArticle(prepareArticle(input, stemmer))) }
  port.postMessage(reply)
})
