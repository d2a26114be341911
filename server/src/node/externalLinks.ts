/** Checking external links over HTTP: the checker, its per-host limits and its cache on disk. */
export { ExternalLinkChecker, USER_AGENT, type CheckerOptions, type CheckOptions } from './external/checker';
export { HostLimiter } from './external/hostLimiter';
export { CACHE_FILE_NAME, cliCacheFile, ResultCache, type CacheOptions } from './external/resultCache';
