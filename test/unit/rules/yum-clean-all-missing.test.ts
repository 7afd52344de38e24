// Table tests for DL3032 yum-clean-all-missing.
import rule from '../../../server/src/core/rules/dockerfile/yum-clean-all-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y httpd && yum clean all\n",
    "FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum/*\n",
    "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n",
  ],
  invalid: [
    { name: "appends yum clean all", code: "FROM centos:7\nRUN yum install -y httpd\n", errors: [{"text": "yum install"}], output: "FROM centos:7\nRUN yum install -y httpd && yum clean all\n", applicability: 'safe' },
    { name: "a clean before the install does not count", code: "FROM centos:7\nRUN yum clean all && yum install -y httpd\n", errors: [{"text": "yum install"}], output: "FROM centos:7\nRUN yum clean all && yum install -y httpd && yum clean all\n" },
    { name: "continues a multi-line RUN on its own line", code: "FROM centos:7\nRUN yum install -y httpd \\\n    && echo done\n", errors: [{"text": "yum install"}], output: "FROM centos:7\nRUN yum install -y httpd \\\n    && echo done \\\n    && yum clean all\n" },
  ],
});
