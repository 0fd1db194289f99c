export { Scheduler, RequestFailedError } from './scheduler.js';
export type { SchedulerOptions, SchedulerStats } from './scheduler.js';
export { ModelError, classifyError, isRetryableStatus, isPushback, isAbortError, abortError } from './errors.js';
export type { ErrorKind, ModelErrorDetails } from './errors.js';
export { backoffDelay, parseRetryAfter, DEFAULT_BACKOFF } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { AdaptiveLimiter } from './limiter.js';
export { RateLimiter } from './rate-limit.js';
export { sleep } from './sleep.js';
