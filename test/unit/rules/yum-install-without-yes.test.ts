// Table tests for DL3030 yum-install-without-yes.
import rule from '../../../server/src/core/rules/dockerfile/yum-install-without-yes';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y httpd\n",
    "FROM centos:7\nRUN yum -y install httpd\n",
    "FROM centos:7\nRUN yum --assumeyes groupinstall \"Dev Tools\"\n",
    "FROM centos:7\nRUN yum clean all\n",
  ],
  invalid: [
    { name: "adds -y after the subcommand", code: "FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n", errors: [{"text": "yum install"}], output: "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n", applicability: 'safe' },
    { name: "module install is an install too", code: "FROM centos:7\nRUN yum module install nodejs:18\n", errors: [{"text": "yum module install"}], output: "FROM centos:7\nRUN yum module install -y nodejs:18\n" },
    { name: "ONBUILD triggers are checked", code: "FROM centos:7\nONBUILD RUN yum localinstall pkg.rpm\n", errors: [{"text": "yum localinstall"}], output: "FROM centos:7\nONBUILD RUN yum localinstall -y pkg.rpm\n" },
  ],
});
