/**
 * A throwaway PostgreSQL cluster by hand (the one the integration-pg tests start themselves):
 * prints its URL and keeps it until Ctrl-C, then stops and removes it. For trying the pg code
 * from a shell, e.g. `DATABASE_URL=<url> psql "$DATABASE_URL"`.
 */
import { startPgCluster } from '../tests/support/pg-cluster';

const cluster = await startPgCluster();
console.log(cluster.url);
console.log('Ctrl-C stops and removes it.');
const stop = () => void cluster.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 60_000);
