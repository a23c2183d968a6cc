export type { CallFilter, CallRecord, CallSummary } from "./calls/call-log";
export { type ControllableClock, createAcceleratedClock } from "./clock/accelerated-clock";
export { createManualClock } from "./clock/manual-clock";
export type {
  DivisionSummary,
  GrantView,
  SalesEntrySummary,
  SimulatorControl,
} from "./control/simulator-control";
export type { AccountRecord } from "./entities/accounts/account-record";
export type { ActiveFault, FaultAction, FaultRule } from "./faults/fault-rules";
export type { TokenPair } from "./oauth/token-store";
export {
  type ConsentBehaviour,
  DEFAULT_WEBHOOK_SECRET,
  type DivisionSeed,
  type ExactSimulatorOptions,
  type OAuthAppRegistration,
  type ResolvedOptions,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  type SeedOptions,
} from "./options";
export { type RunningSimulator, startExactSimulator } from "./server";
export { createExactSimulator, type ExactSimulator } from "./simulator";
export type { DivisionData } from "./state/division";
export type { SimulatorState } from "./state/simulator-state";
export { formatExactDate, parseExactDate } from "./util/amsterdam-time";
export type { WebhookDelivery } from "./webhooks/webhook-dispatcher";
export { webhookHashCode } from "./webhooks/webhook-signature";
