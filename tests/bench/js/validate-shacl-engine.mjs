// validate-shacl-engine.mjs: validate a data file with shacl-engine (rdf-ext),
// loading Turtle as its README shows (rdf-utils-fs fromFile into an
// @rdfjs/dataset), and print the number of results as JSON.
import rdfDataModel from '@rdfjs/data-model'
import rdfDataset from '@rdfjs/dataset'
import fromFile from 'rdf-utils-fs/fromFile.js'
import Validator from 'shacl-engine/Validator.js'
import { finish, parseArgs } from './common.mjs'

async function load (file) {
  const dataset = rdfDataset.dataset()
  for await (const quad of fromFile(file)) dataset.add(quad)
  return dataset
}

async function main () {
  const args = parseArgs(process.argv.slice(2), 'shacl-engine')
  const t = { start: Date.now() }
  const shapes = await load(args.shapes)
  const data = await load(args.data)
  t.loaded = Date.now()
  t.dataSize = data.size
  // the README passes @rdfjs/data-model; the report dataset also needs dataset()
  const factory = {
    namedNode: v => rdfDataModel.namedNode(v),
    blankNode: v => rdfDataModel.blankNode(v),
    literal: (v, l) => rdfDataModel.literal(v, l),
    variable: v => rdfDataModel.variable(v),
    defaultGraph: () => rdfDataModel.defaultGraph(),
    quad: (s, p, o, g) => rdfDataModel.quad(s, p, o, g),
    dataset: q => rdfDataset.dataset(q)
  }
  const validator = new Validator(shapes, { factory })
  const report = await validator.validate({ dataset: data })
  t.validated = Date.now()
  finish('shacl-engine', args, t, report.results.length, report.conforms,
    args.report ? report.dataset : null)
}

main().catch(err => { process.stderr.write(`shacl-engine: ${err.stack || err}\n`); process.exit(3) })
