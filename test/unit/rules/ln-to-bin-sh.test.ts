// Table tests for DL4005 ln-to-bin-sh.
import rule from '../../../server/src/core/rules/dockerfile/ln-to-bin-sh';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nRUN ln -sf /bin/true /sbin/initctl\n",
    "FROM python:3.12-slim\nRUN ln -s a b && echo /bin/sh\n",
  ],
  invalid: [
    { name: "relinks /bin/sh", code: "FROM python:3.12-slim\nRUN ln -sfv /bin/bash /bin/sh\n", errors: [{"text": "/bin/sh"}] },
  ],
});
