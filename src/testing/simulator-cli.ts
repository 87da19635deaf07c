/// <reference types="node" />
// The `caoliao-simulator` bin: `npx caoliao-simulator --port 4010` serves the default world on
// 127.0.0.1, prints its URL, and stops on SIGINT or SIGTERM. The build adds the shebang.
import { parseArgs } from 'node:util';
import { createSimulatorServer } from './simulator-server.js';

const USAGE = 'Usage: caoliao-simulator [--port <0–65535>]   (default 0: a free port)';

/** The port asked for, or a sentence saying what is wrong with the arguments. */
function portOf(args: string[]): number | string {
  try {
    const { values } = parseArgs({ args, options: { port: { type: 'string' }, help: { type: 'boolean' } } });
    if (values.help) return USAGE;
    const port = Number(values.port ?? 0);
    if (!/^\d+$/.test(values.port ?? '0') || port > 65_535)
      return `--port must be a whole number from 0 to 65535, got ${values.port}\n${USAGE}`;
    return port;
  } catch (error) {
    return `${(error as Error).message}\n${USAGE}`;
  }
}

async function main() {
  const port = portOf(process.argv.slice(2));
  if (port === USAGE) return console.log(USAGE);
  if (typeof port === 'string') {
    console.error(port);
    process.exitCode = 2;
    return;
  }
  const server = await createSimulatorServer({ port });
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`caoliao-simulator listening on ${server.url} (faults: POST ${server.url}/__simulator/faults)`);
}

main().catch((error: Error) => {
  console.error(`caoliao-simulator: ${error.message}`);
  process.exitCode = 1;
});
