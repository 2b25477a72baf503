// common.mjs: argument parsing and output shared by the two JS engine drivers
// of the dcatit benchmark. Prints one JSON line; --report FILE also writes the
// engine's sh:ValidationReport as N-Triples (for compare_results.py).
import { writeFileSync } from 'node:fs'
import toNT from '@rdfjs/to-ntriples'

export function parseArgs (argv, engine) {
  const args = { shapes: null, data: null, report: null }
  const rest = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--report') args.report = argv[++i]
    else if (argv[i] === '--shapes') args.shapes = argv[++i]
    else rest.push(argv[i])
  }
  args.data = rest[0]
  if (!args.data || !args.shapes) {
    process.stderr.write(`usage: node validate-${engine}.mjs DATA --shapes SHAPES [--report OUT.nt]\n`)
    process.exit(2)
  }
  return args
}

export function finish (engine, args, t, nresults, conforms, reportDataset) {
  if (args.report) {
    const lines = []
    for (const q of reportDataset) lines.push(`${toNT(q.subject)} ${toNT(q.predicate)} ${toNT(q.object)} .`)
    writeFileSync(args.report, lines.join('\n') + '\n')
  }
  const out = {
    engine,
    results: nresults,
    conforms,
    data_triples: t.dataSize,
    load_s: +((t.loaded - t.start) / 1000).toFixed(3),
    validate_s: +((t.validated - t.loaded) / 1000).toFixed(3)
  }
  process.stdout.write(JSON.stringify(out) + '\n')
}
