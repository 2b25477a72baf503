// validate-rdf-validate-shacl.mjs: validate a data file with rdf-validate-shacl
// (Zazuko), loading Turtle as its README shows (@zazuko/env-node fromFile into
// rdf.dataset()), and print the number of results as JSON.
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'
import { finish, parseArgs } from './common.mjs'

async function main () {
  const args = parseArgs(process.argv.slice(2), 'rdf-validate-shacl')
  const t = { start: Date.now() }
  const shapes = await rdf.dataset().import(rdf.fromFile(args.shapes))
  const data = await rdf.dataset().import(rdf.fromFile(args.data))
  t.loaded = Date.now()
  t.dataSize = data.size
  const validator = new SHACLValidator(shapes, { factory: rdf })
  const report = await validator.validate(data)
  t.validated = Date.now()
  finish('rdf-validate-shacl', args, t, report.results.length, report.conforms,
    args.report ? report.dataset : null)
}

main().catch(err => { process.stderr.write(`rdf-validate-shacl: ${err.stack || err}\n`); process.exit(3) })
