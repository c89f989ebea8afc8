/**
 * JSON Schema (draft-07) of `.github/release-lanes.yml`. `schema/release-lanes.schema.json` is this object,
 * serialised (a test keeps the two equal); point editors at it with
 * `# yaml-language-server: $schema=https://…/schema/release-lanes.schema.json`.
 */

import { VERSION_FILE_KINDS } from '../core/version-file-kinds.js';

// Versions are checked semantically (RL108) so the message can say what is wrong.
const versionString = { type: 'string', description: 'A SemVer 2.0 version such as 1.0.0.' };

const template = { type: 'string', minLength: 1 };
const templates = { type: 'array', items: template };

const sharedKeys = {
  'bump-minor-pre-major': {
    type: 'boolean',
    description: 'Before 1.0.0, breaking changes bump the minor version instead of the major.',
  },
  'bump-patch-for-minor-pre-major': {
    type: 'boolean',
    description: 'Before 1.0.0, features bump the patch version instead of the minor.',
  },
  'initial-version': { ...versionString, description: 'Version of the first release of a lane.' },
  'changelog-sections': {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'section'],
      properties: {
        type: { type: 'string', minLength: 1 },
        section: { type: 'string', minLength: 1 },
        hidden: { type: 'boolean' },
      },
    },
  },
  draft: { type: 'boolean', description: 'Create GitHub Releases as drafts (same as `release: draft`).' },
  release: {
    enum: [true, false, 'draft'],
    description: 'GitHub Release per version tag: true (published), draft, or false (none).',
  },
  'release-name': {
    type: 'string',
    minLength: 1,
    description: 'Template of the GitHub Release title; default: the tag name.',
  },
  'changelog-empty-entries': {
    type: 'boolean',
    description: 'Write a changelog entry for a release with no changes to list (default false).',
  },
};

const snapshotRule = {
  type: 'object',
  additionalProperties: false,
  properties: { moving: templates, commit: template },
};

const laneSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'path'],
  properties: {
    name: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
      description: 'Lane name: letters, digits, `.`, `_`, `-`.',
    },
    path: {
      type: ['string', 'array'],
      minLength: 1,
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      description: 'Directory (or glob) or list of them; `.` is the repository root.',
    },
    'exclude-paths': { type: 'array', items: { type: 'string', minLength: 1 } },
    tag: { ...template, description: 'Version tag template; must contain {version}.' },
    'depends-on': { type: 'array', items: { type: 'string', minLength: 1 } },
    'version-files': {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'path'],
        properties: {
          kind: { enum: [...VERSION_FILE_KINDS] },
          path: { type: 'string', minLength: 1 },
          jsonpath: {
            type: 'string',
            minLength: 1,
            description: 'Required for json, yaml and toml files: the strings it selects become the version.',
          },
          xpath: {
            type: 'string',
            minLength: 1,
            description: 'Required for xml files: the nodes it selects get the version as text.',
          },
          optional: {
            type: 'boolean',
            description: 'Written when present; a missing file, or one holding no version, is skipped.',
          },
          alternative: {
            type: 'boolean',
            description: 'One of several entries for the same path, of which at least one must match.',
          },
        },
      },
    },
    'changelog-path': { type: 'string', minLength: 1 },
    prerelease: {
      type: 'string',
      pattern: '^[0-9A-Za-z-]+$',
      description: 'Prerelease channel id, e.g. alpha.',
    },
    component: { type: 'string', minLength: 1 },
    group: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
    channels: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['tag', 'track'],
        properties: {
          tag: template,
          track: { enum: ['latest', 'line', 'prerelease'] },
          prerelease: { type: 'string', pattern: '^[0-9A-Za-z-]+$' },
          'follow-stable': {
            type: 'boolean',
            description: 'A prerelease channel also follows newer stable releases (default false).',
          },
        },
      },
    },
    supported: { type: 'string', minLength: 1, description: 'SemVer range of supported lines, e.g. >=0.3.' },
    rebuild: {
      type: 'object',
      additionalProperties: false,
      required: ['tag'],
      properties: { tag: template, moves: templates },
    },
    snapshots: {
      type: 'object',
      additionalProperties: false,
      properties: {
        branches: { type: 'object', additionalProperties: snapshotRule },
        'other-branches': {
          type: 'object',
          additionalProperties: false,
          required: ['patterns'],
          properties: {
            patterns: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            moving: templates,
            commit: template,
          },
        },
      },
    },
    ...sharedKeys,
  },
};

export const RELEASE_LANES_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/release-lanes/release-lanes/blob/main/schema/release-lanes.schema.json',
  title: 'release-lanes configuration (.github/release-lanes.yml)',
  type: 'object',
  additionalProperties: false,
  required: ['lanes'],
  properties: {
    ...sharedKeys,
    'root-mode': { enum: ['all', 'unclaimed'] },
    'separate-pull-requests': { type: 'boolean' },
    branch: { type: 'string', minLength: 1 },
    'maintenance-branches': { type: 'array', items: { type: 'string', minLength: 1 } },
    'latest-lanes': {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: "Lanes or groups whose newest stable release is the repository's Latest GitHub Release.",
    },
    lanes: { type: 'array', minItems: 1, items: laneSchema },
  },
};

/** Keys allowed at each level, for "did you mean" hints. */
export const REPO_KEYS = Object.keys(RELEASE_LANES_SCHEMA.properties);
export const LANE_KEYS = Object.keys(laneSchema.properties);
