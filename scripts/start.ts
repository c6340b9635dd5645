/**
 * `pnpm start`: the comment server on :3000 (SQLite in ./data) and the example article on :8080,
 * a different origin, as a publisher would run them. PORT / EXAMPLE_PORT override the ports.
 * The demo site is created on first start and allows the example's origin.
 */
import { startExampleServer } from '../examples/serve.js';
import { initialOwnerNotice } from '../packages/server/src/domain/initial-owner.js';
import { buildSite, openStorage, readConfig, startServer } from '../packages/server/src/index.js';

const config = readConfig();
const examplePort = Number(process.env.EXAMPLE_PORT ?? 8080);
if (!Number.isInteger(examplePort) || examplePort < 0 || examplePort > 65535) {
  console.error(`EXAMPLE_PORT must be 0-65535, not "${process.env.EXAMPLE_PORT}"`);
  process.exit(2);
}

const origins = [`http://localhost:${examplePort}`, `http://127.0.0.1:${examplePort}`];
const storage = await openStorage(config.databaseUrl);
const demo = await storage.getSite('demo');
if (!demo) {
  await storage.createSite(buildSite({ id: 'demo', name: 'The Harbour Gazette (example)', origins }, Date.now()));
} else if (!origins.every((o) => demo.origins.includes(o))) {
  await storage.updateSite({ ...demo, origins: [...new Set([...demo.origins, ...origins])] });
}
await storage.close();

const parley = await startServer(config);
const example = await startExampleServer({ port: examplePort, parleyUrl: parley.url });
console.log(`
  Parley comment server   ${parley.url}   (database ${config.databaseUrl})
  Example article         ${example.url}/

  Press Ctrl-C to stop.
`);
if (parley.initialPassword) console.log(initialOwnerNotice(parley.initialPassword, parley.url));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all([example.close(), parley.close()]);
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
