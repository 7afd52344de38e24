// LW109: `opencv-python` (the GUI build) in a requirements file an image installs; `opencv-python-headless` needs no X11/OpenGL libraries.
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import { pythonPackageFacts } from '../../data/python-packages';
import { buildContextFor } from '../../model/build-context';
import { dirnameOf } from '../../project';
import { installerName, requirements, usesOpenCvGui } from './requirements-helpers';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW109',
    name: 'opencv-gui-build-in-container',
    origin: 'layerwise',
    language: 'requirements',
    category: 'size',
    severity: 'warning',
    messages: {
      gui: '`{name}` is OpenCV\'s desktop build: in the image built by `{dockerfile}` it needs {libs} from the OS (`ImportError: libGL.so.1` without them); `{headless}` is the same library without GUI windows',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags `opencv-python` and `opencv-contrib-python` in a requirements file a Dockerfile installs. These builds link the system\'s OpenGL and GLib libraries for their window functions (`cv2.imshow`, `cv2.waitKey`, …); the `-headless` builds are the same OpenCV without them.',
      whyItMatters:
        'A container has no display. With the desktop build, `import cv2` fails on `python:*-slim` ("libGL.so.1: cannot open shared object file") until `libgl1` and `libglib2.0-0` are installed, which adds about 200 MB of X11 and Mesa packages on Debian for functions that can never run there.',
      example: 'numpy==2.1.3\nopencv-python==4.10.0.84\n',
      useInstead: 'numpy==2.1.3\nopencv-python-headless==4.10.0.84\n',
      exampleFiles: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      fixSafety:
        'The fix renames the requirement to the `-headless` package (same versions, extras and marker). It is safe when the Python files of the build context could all be read and none calls a GUI function (`cv2.imshow`, `cv2.waitKey`, `cv2.namedWindow`, `cv2.destroyAllWindows`, `cv2.selectROI`, `cv2.createTrackbar`, `cv2.setMouseCallback`); otherwise unsafe, because those calls fail with the headless build.',
      references: ['https://github.com/opencv/opencv-python#installation-and-usage', 'https://pypi.org/project/opencv-python-headless/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const installer = model.installers.find((i) => !i.install.constraint);
    if (!installer) return;
    for (const r of requirements(model)) {
      if (!r.normalizedName || !r.nameRange || r.form !== 'pep508') continue;
      const facts = pythonPackageFacts(r.normalizedName);
      const headless = facts?.alternative;
      if (!headless?.endsWith('-headless')) continue;
      const os = installer.stage?.from.facts.libc === 'musl' ? 'alpine' : installer.stage?.from.facts.os?.release === 'trixie' ? 'trixie' : 'bookworm';
      const libs = (facts!.runtimeRequires?.[os] ?? []).map((l) => `\`${l}\``).join(' and ') || 'OpenGL and GLib';
      // The code the image gets is the installing Dockerfile's build context (its `context` setting applies).
      const root = buildContextFor({ files: ctx.files, path: installer.dockerfilePath, config: ctx.config }).root!;
      const gui = usesOpenCvGui(ctx.files, root) ?? usesOpenCvGui(ctx.files, dirnameOf(model.path!));
      const safe = gui === false;
      ctx.report({
        range: r.nameRange,
        messageId: 'gui',
        data: { name: r.name!, dockerfile: installerName(model, installer), libs, headless },
        fixes: [{ title: `Use \`${headless}\`${safe ? '' : ' (breaks cv2 GUI windows if the code opens any)'}`, applicability: safe ? 'safe' : 'unsafe', edits: [{ range: r.nameRange, newText: headless }] }],
      });
    }
  },
});
