import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A redis-server of the tests' own on a free loopback port, with no persistence. */
export interface TestRedis {
  url: string;
  port: number;
  /** A new ioredis connection to it (each one stands for one proxy instance); closed by `stop`. */
  connect(): Redis;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free port of 127.0.0.1 and waits until it answers PING.
 *
 * @example
 * let redis: TestRedis;
 * beforeAll(async () => { redis = await startRedisServer(); });
 * afterAll(() => redis.stop());
 */
export async function startRedisServer(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const started = await Promise.race([
    once(child, 'spawn').then(() => undefined),
    once(child, 'error').then(([error]) => error as NodeJS.ErrnoException),
  ]);
  if (started?.code === 'ENOENT') {
    throw new Error('redis-server is not installed: apt-get install -y redis-server');
  }
  if (started) throw started;

  const connections: Redis[] = [];
  const stop = async () => {
    for (const connection of connections) connection.disconnect();
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  };
  try {
    await untilItAnswers(port, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    connect: () => {
      const connection = new Redis({ port, host: '127.0.0.1' });
      connections.push(connection);
      return connection;
    },
    stop,
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

async function untilItAnswers(port: number, child: ChildProcess, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    // Refused connections until it listens are expected; the rejected connect() reports them.
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // Not listening yet.
    } finally {
      probe.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
