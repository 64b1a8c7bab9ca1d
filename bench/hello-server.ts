// The machine's ceiling for the HTTP benchmark: bare Fastify answering "hello world", nothing else.
// Usage: node --import tsx bench/hello-server.ts <port>
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? process.env.PORT ?? 3999);
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`hello-server listening on 127.0.0.1:${port}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
