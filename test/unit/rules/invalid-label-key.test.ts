// Table tests for DL3048 invalid-label-key.
import rule from '../../../server/src/core/rules/dockerfile/invalid-label-key';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nLABEL org.opencontainers.image.source=\"x\" version1=\"y\"\n",
  ],
  invalid: [
    { name: "reserved namespace", code: "FROM python:3.12-slim\nLABEL com.docker.foo=\"x\"\n", errors: [{"text": "com.docker.foo"}] },
    { name: "upper case and doubled separators", code: "FROM python:3.12-slim\nLABEL Version=\"1\" a..b=\"2\"\n", errors: [{"text": "Version"}, {"text": "a..b"}] },
  ],
});
