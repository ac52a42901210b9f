export { CAPTURE_SCRIPT, storageSnapshotSchema, toStorageSnapshot, type StorageSnapshot } from './capture-script';
export {
  extractCredentials,
  isGuestEmail,
  toCredentialString,
  unwrapToken,
  type CaptureResult,
  type CapturedCredential,
  type RealUserIdSource,
} from './extract-credentials';
export {
  DEFAULT_LOGIN_OPTIONS,
  isFinished,
  reduceLogin,
  runLoginFlow,
  sleepWithSignal,
  startLogin,
  type LoginEvent,
  type LoginFlowDeps,
  type LoginFlowOptions,
  type LoginState,
} from './login-flow';
export { toLoginProgress } from './login-progress';
export { LOGIN_NOTICES, loginNotice, loginNoticeId, type LoginNoticeId } from './login-notice';
export { toLoginUrl, toRegionBaseUrl, type UpstreamBaseUrls } from './login-url';
export { resolveRealUserId, type LookupIdentity } from './resolve-user-id';
export { createLoginController, type LoginController, type LoginControllerDeps, type LoginInput, type LoginSurface } from './login-controller';
export { formatCookieHeader, parseCookieHeader, sameCookies, type CookieHeaderResult, type CookiePair } from './cookie-header';
export { toCookieSetDetails, type CookieSetDetails, type JarCookie } from './cookie-copy';
export { cookiesRemovedByUser, cookiesToPersist, cookiesToSeed } from './cookie-sync';
export { isGuestClaims } from './guest';
export { createLoginOriginPolicy, type LinkDecision, type LoginOriginPolicy } from './login-origin-policy';
export { accountIdOfPartition, isStoredAccountId, orphanPartitions, partitionForAccount, removedAccountIds } from './session-partition';
