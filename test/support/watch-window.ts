/** Records what must not happen in a test window: uncaught errors, unhandled rejections, CSP violations. */

declare global {
  interface Window {
    /** Set by any hostile payload that manages to run script. Must stay unset. */
    __pwned?: unknown;
  }
}

/** Records uncaught errors, unhandled rejections and CSP violations in this window while armed. */
export function watchWindow() {
  const errors: string[] = [];
  const violations: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${String(e.reason?.stack ?? e.reason)}`);
  const onViolation = (e: SecurityPolicyViolationEvent) => violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('securitypolicyviolation', onViolation);
  return {
    errors,
    violations,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('securitypolicyviolation', onViolation);
    },
  };
}
