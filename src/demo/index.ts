export { createDemoRepo } from './create-demo-repo.js';
export {
  DEMO_CHANNEL_TAGS,
  DEMO_CONFIG_PATH,
  DEMO_CONFIG_YAML,
  DEMO_LANES,
  DEMO_MANIFEST,
  DEMO_MANIFEST_PATH,
  DEMO_RELEASE_TAGS,
} from './config.js';
export { DEMO_HISTORY, type DemoStep, type DemoAuthor } from './history.js';
