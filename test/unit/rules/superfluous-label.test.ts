// Table tests for DL3050 superfluous-label.
import rule from '../../../server/src/core/rules/dockerfile/superfluous-label';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "LABEL owner=\"x\"\n", config: {"labelSchema": {"owner": "text"}, "strictLabels": true} },
    { code: "LABEL other=\"x\"\n", config: {"labelSchema": {"owner": "text"}} },
  ],
  invalid: [
    { name: "removes a lone label line", code: "FROM a\nLABEL other=\"x\"\nRUN true\n", errors: [{"text": "other"}], config: {"labelSchema": {"owner": "text"}, "strictLabels": true}, output: "FROM a\nRUN true\n", applicability: 'safe' },
    { name: "removes one pair of several", code: "FROM a\nLABEL owner=\"x\" other=\"y\"\n", errors: [{"text": "other"}], config: {"labelSchema": {"owner": "text"}, "strictLabels": true}, output: "FROM a\nLABEL owner=\"x\"\n" },
  ],
});
