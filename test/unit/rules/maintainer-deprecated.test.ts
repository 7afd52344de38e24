// Table tests for DL4000 maintainer-deprecated.
import rule from '../../../server/src/core/rules/dockerfile/maintainer-deprecated';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nLABEL maintainer=\"x\"\n",
  ],
  invalid: [
    { name: "rewrites as a label", code: "FROM python:3.12-slim\nMAINTAINER Jane Doe <jane@example.com>\n", errors: [{"text": "MAINTAINER"}], output: "FROM python:3.12-slim\nLABEL maintainer=\"Jane Doe <jane@example.com>\"\n", applicability: 'safe' },
    { name: "keeps a dollar sign literal", code: "FROM python:3.12-slim\nMAINTAINER $team\n", errors: [{"text": "MAINTAINER"}], output: "FROM python:3.12-slim\nLABEL maintainer=\"\\$team\"\n" },
  ],
});
