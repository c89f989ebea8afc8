import { markerFamily, markerUpdater } from '../generic/markers.js';

/**
 * release-please's JavaReleased (java/maven release PRs, not SNAPSHOT ones): the generic marker updater with
 * `x-release-please-released-version` (`-major`, `-minor`, `-patch`) inline markers and
 * `x-release-please-released-start-<scope>` … `x-release-please-released-end` blocks
 * (`x-release-lanes-released-…` too). Run on every pom.xml and every `extra-files` string of a java/maven package.
 */
export const updateJavaReleased = markerUpdater(markerFamily('-released', 'version|major|minor|patch'));
