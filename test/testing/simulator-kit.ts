import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AddRecordRequest } from '../../src/client/index.js';
import { type ApiError, describeError } from '../../src/core/index.js';
import { createSimulator, createSimulatorHandlers, type Simulator } from '../../src/testing/index.js';

export const NAME = 71234567890101;
export const PHONE = 71234567890102;
export const NOTE = 71234567890103;

/** A valid submission to the default world's sign-up form. */
export const record = (phone = '13800138000', name = '张三'): AddRecordRequest => ({
  code_id: 8001,
  tpl_id: 7001,
  fields: [
    { field_id: NAME, field_type: 'name', field_value: name },
    { field_id: PHONE, field_type: 'tel', field_value: phone },
  ],
});

/** The error a call fails with; throws if it succeeds. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('resolved');
    },
    (error: unknown) => error as ApiError,
  );

/** The catalog key of the error a call fails with. */
export const keyOf = async (promise: Promise<unknown>) => describeError(await failure(promise)).key;

/**
 * Serves a simulator over MSW for the tests of one file: a fresh one after each test, or the one a
 * test sets with `current.simulator = …`.
 * @example const current = serveSimulator(); current.simulator.inject({ network: true });
 */
export function serveSimulator(): { simulator: Simulator } {
  const current = { simulator: createSimulator() };
  const server = setupServer(
    ...createSimulatorHandlers({
      simulator: {
        get state() {
          return current.simulator.state;
        },
        inject: (fault) => current.simulator.inject(fault),
        clearFaults: () => current.simulator.clearFaults(),
        handle: (...args) => current.simulator.handle(...args),
      },
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    current.simulator = createSimulator();
  });
  afterAll(() => server.close());
  return current;
}
