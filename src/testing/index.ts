export { answerCall } from './answer-call.js';
export { API_MESSAGES } from './api-messages.js';
export { errorForKey } from './error-for-key.js';
export type { Fault, SimulatedAnswer } from './fault.js';
export { apiErrorResponse, errorBody, gatewayHtml, successBody } from './responses.js';
export { createSimulator, type RequestContext, type Simulator, type SimulatorOptions } from './simulator.js';
export { createSimulatorHandlers, type SimulatorHandlerOptions } from './simulator-handlers.js';
export {
  createSimulatorServer,
  type SimulatorServer,
  type SimulatorServerOptions,
} from './simulator-server.js';
export {
  defaultSimulatorState,
  type SimulatedCertificate,
  type SimulatedField,
  type SimulatedForm,
  type SimulatedQrcode,
  type SimulatedRecord,
  type SimulatedVerifier,
  type SimulatorState,
} from './simulator-state.js';
