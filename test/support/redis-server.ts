import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';

/** A redis-server of the tests' own on a free loopback port. */
export interface TestRedis {
  url: string;
  port: number;
  /** A new ioredis connection to it (each one stands for one proxy instance); closed by `stop`. */
  connect(options?: RedisOptions): Redis;
  /** Kills it at once (SIGKILL), as a crash would: what it had not written to disk is lost. */
  kill(): Promise<void>;
  /** Starts it again on the same port (and the same data directory), once it answers PING. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free port of 127.0.0.1 and waits until it answers PING. Without
 * persistence by default; with `persistence: true`, an append-only file (`appendonly yes`,
 * `appendfsync always`) in a temporary directory, so that a restart keeps every write it answered.
 *
 * @example
 * let redis: TestRedis;
 * beforeAll(async () => { redis = await startRedisServer(); });
 * afterAll(() => redis.stop());
 */
export async function startRedisServer({ persistence = false } = {}): Promise<TestRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'caoliao-redis-'));
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
    ...(persistence ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  let child = await spawnServer(args);
  const connections: Redis[] = [];
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  };
  const restart = async () => {
    await kill();
    child = await spawnServer(args);
    await untilItAnswers(port, child);
  };
  const stop = async () => {
    for (const connection of connections) connection.disconnect();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await rm(dir, { recursive: true, force: true });
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
    connect: (options = {}) => {
      const connection = new Redis({ ...options, port, host: '127.0.0.1' });
      // Refused connections while the server is killed are expected; the calls report them.
      connection.on('error', () => {});
      connections.push(connection);
      return connection;
    },
    kill,
    restart,
    stop,
  };
}

async function spawnServer(args: string[]): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const started = await Promise.race([
    once(child, 'spawn').then(() => undefined),
    once(child, 'error').then(([error]) => error as NodeJS.ErrnoException),
  ]);
  if (started?.code === 'ENOENT') {
    throw new Error('redis-server is not installed: apt-get install -y redis-server');
  }
  if (started) throw started;
  return child;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

async function untilItAnswers(port: number, child: ChildProcess, timeoutMs = 10_000) {
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
      // Not listening yet (or still loading its append-only file).
    } finally {
      probe.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
