// Table tests for LW109 opencv-gui-build-in-container.
import rule from '../../../server/src/core/rules/requirements/opencv-gui-build-in-container';
import { requirementsRuleTester } from '../../helpers/rule-tester';

const DF = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n';

requirementsRuleTester(rule, {
  valid: [
    { name: 'a file no image installs (a desktop project)', code: 'opencv-python==4.10.0.84\n' },
    { code: 'opencv-python-headless==4.10.0.84\n', files: { Dockerfile: DF } },
    { name: 'a package whose name only starts the same', code: 'opencv-python-headless\nopencv-python-inference-engine\n', files: { Dockerfile: DF } },
  ],
  invalid: [
    {
      name: 'safe when no Python file calls a GUI function',
      code: 'numpy==2.1.3\nopencv-python==4.10.0.84\n',
      files: { Dockerfile: DF, 'app.py': 'import cv2\nimg = cv2.imread("x.png")\ncv2.imwrite("y.png", img)\n' },
      errors: [{ text: 'opencv-python', message: 'needs `libgl1` and `libglib2.0-0t64`' }],
      output: 'numpy==2.1.3\nopencv-python-headless==4.10.0.84\n',
      applicability: 'safe',
    },
    {
      name: 'unsafe when the code opens a window',
      code: 'opencv-python==4.10.0.84\n',
      files: { Dockerfile: DF, 'app.py': 'import cv2\ncv2.imshow("w", img)\ncv2.waitKey(0)\n' },
      errors: [{ text: 'opencv-python' }],
      output: 'opencv-python-headless==4.10.0.84\n',
      applicability: 'unsafe',
    },
    {
      name: 'the contrib build keeps extras and marker',
      code: 'opencv-contrib-python[extra]>=4.9 ; sys_platform == "linux"\n',
      files: { Dockerfile: DF, 'app.py': 'import cv2\n' },
      errors: [{ text: 'opencv-contrib-python', message: '`opencv-contrib-python-headless`' }],
      output: 'opencv-contrib-python-headless[extra]>=4.9 ; sys_platform == "linux"\n',
    },
    {
      name: 'Alpine names its own libraries',
      code: 'opencv-python\n',
      files: { Dockerfile: DF.replace('3.12-slim', '3.12-alpine') },
      errors: [{ text: 'opencv-python', message: '`mesa-gl` and `glib`' }],
    },
  ],
});
