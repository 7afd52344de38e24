// Table tests for DL3060 yarn-cache-not-cleaned.
import rule from '../../../server/src/core/rules/dockerfile/yarn-cache-not-cleaned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM node:20\nRUN yarn install && yarn cache clean\n",
    "FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n",
    "FROM node:20 AS build\nRUN yarn install\nFROM node:20-slim\nCOPY --from=build /app /app\n",
  ],
  invalid: [
    { name: "appends yarn cache clean", code: "FROM node:20\nRUN yarn install --frozen-lockfile\n", errors: [{"text": "yarn install"}], output: "FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n", applicability: 'safe' },
  ],
});
