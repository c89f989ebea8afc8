export { createGitRepoHost, type GitRepoHostOptions } from './repo-host.js';
export { readLanesHistory, resolveHead, lanesLogArgs, type GitHistoryStats } from './lanes-history.js';
export { GitLogParser, LOG_FORMAT, type LogRecord, type LogHeader } from './log-parser.js';
export { runGit, GIT_BASE_ARGS } from './run-git.js';
