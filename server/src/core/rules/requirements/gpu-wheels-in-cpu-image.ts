// LW110: torch / tensorflow from PyPI in an image with no GPU base: the default Linux x86_64 builds carry CUDA (gigabytes) the image cannot use.
import { defineRule } from '../rule';
import type { Installer, RequirementsModel } from '../../model/requirements';
import { gpuDefaultPackage } from '../../data/python-packages';
import { dependencyClosure } from '../../data/dependency-closures';
import { getPackageRelease } from '../../data/wheels';
import { allOptions } from '../../parse/requirements';
import { semanticOptions, semanticsOf, type SemanticOptions } from '../../model/semantic';
import { formatBytes } from '../../estimate/bytes';
import { TORCH_CPU_WHEEL } from '../../data/estimate-facts';
import type { Fix } from '../../types';
import { installerImage, requirements } from './requirements-helpers';

const CPU_INDEX = /download\.pytorch\.org\/whl\/cpu/;
const GPU_INDEX = /download\.pytorch\.org\/whl\/(?:cu|rocm)/;
const GPU_IMAGE = /cuda|nvidia|gpu|rocm|cudnn/i;

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW110',
    name: 'gpu-wheels-in-cpu-image',
    origin: 'layerwise',
    language: 'requirements',
    category: 'size',
    severity: 'warning',
    messages: {
      torch: '`{name}` from PyPI is the CUDA build on Linux x86_64 ({closure} of wheels with its nvidia-* dependencies), but `{image}` has no GPU: add `--extra-index-url {index}` to install the CPU build (about {cpu})',
      tensorflow: 'The Linux x86_64 `{name}` wheel carries GPU kernels ({wheel}), but `{image}` has no GPU: `{cpuPackage}` is the CPU-only build',
      cudaExtra: '`{name}[{extra}]` adds NVIDIA\'s CUDA libraries, but `{image}` has no GPU: drop the extra',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'In a requirements file a Dockerfile installs for Linux x86_64, flags `torch` (PyPI\'s Linux build depends on the CUDA runtime, cuDNN, cuBLAS, NCCL and Triton), `tensorflow` (its x86_64 wheel carries GPU kernels) and `tensorflow[and-cuda]` when the image is built on a base with no GPU stack (not `nvidia/cuda`, not a `*-cuda*`/`*-gpu` tag, no `NVIDIA_VISIBLE_DEVICES`). Files that already select a CPU build (the PyTorch CPU index, a `+cpu` version, `tensorflow-cpu`) or a CUDA index explicitly are left alone.',
      whyItMatters:
        'The CUDA build of torch and its nvidia-* wheels are about 2.7 GB to download and several GB installed; the CPU build is under 200 MB. On a machine without a GPU the CUDA libraries are never loaded: the image is gigabytes bigger, slower to build, push and pull, for nothing.',
      example: 'torch==2.5.1\nnumpy==2.1.3\n',
      useInstead: '--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.5.1\nnumpy==2.1.3\n',
      exampleFiles: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      fixSafety:
        'Unsafe: for torch the fix adds `--extra-index-url https://download.pytorch.org/whl/cpu` at the top of the file (pip then prefers the `+cpu` builds, whose versions sort above the PyPI ones); that index must be reachable from the build, and code that calls `torch.cuda` gets no GPU. For tensorflow it renames the requirement to `tensorflow-cpu` (check that the pinned version is published under that name) or drops the `and-cuda` extra.',
      references: ['https://pytorch.org/get-started/locally/', 'https://www.tensorflow.org/install/pip', 'https://download.pytorch.org/whl/cpu'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const options = semanticOptions(ctx.config);
    const cpu = model.installers.filter((i) => !i.install.constraint && cpuOnly(i, options));
    if (!cpu.length) return;
    const image = installerImage(cpu[0]!);
    const indexes = [...allOptions(model.file), ...model.included.flatMap((f) => allOptions(f.parsed))].filter((o) => /index-url|find-links/.test(o.name)).map((o) => o.value ?? '');
    for (const i of cpu) {
      for (const t of i.install.command.pip?.options ?? []) indexes.push(t.value);
      // The variables pip sees: ENV/ARG, and `export`s or a `VAR=… pip` prefix in the RUN.
      const env = semanticsOf(i.dockerfile, options).commandEnv(i.install.instr, i.install.command);
      indexes.push(env.get('PIP_INDEX_URL') ?? '', env.get('PIP_EXTRA_INDEX_URL') ?? '', env.get('PIP_FIND_LINKS') ?? '');
    }
    if (indexes.some((x) => CPU_INDEX.test(x) || GPU_INDEX.test(x))) return;
    for (const r of requirements(model)) {
      if (!r.normalizedName || !r.nameRange || r.form !== 'pep508' || r.malformed) continue;
      const gpu = gpuDefaultPackage(r.normalizedName);
      if (!gpu) continue;
      if (r.specifiers.some((s) => /\+(?:cpu|cu\d+|rocm)/.test(s.version))) continue;
      const extra = gpu.cudaExtra ? r.extras.find((e) => e.normalizedName === gpu.cudaExtra) : undefined;
      if (extra && r.extrasRange) {
        const rest = r.extras.filter((e) => e !== extra).map((e) => e.name);
        const fix: Fix = { title: `Drop \`[${extra.name}]\``, applicability: 'unsafe', edits: [{ range: r.extrasRange, newText: rest.length ? `[${rest.join(',')}]` : '' }] };
        ctx.report({ range: extra.range, messageId: 'cudaExtra', data: { name: r.name!, extra: extra.name, image }, fixes: [fix] });
      } else if (gpu.cpuIndex) {
        const closure = dependencyClosure(gpu.name);
        const fix: Fix = { title: 'Install the CPU build from the PyTorch CPU index', applicability: 'unsafe', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `--extra-index-url ${gpu.cpuIndex}\n` }] };
        ctx.report({
          range: r.nameRange,
          messageId: 'torch',
          data: { name: r.name!, closure: closure ? formatBytes(closure.totalBytes) : 'gigabytes', image, index: gpu.cpuIndex, cpu: formatBytes(TORCH_CPU_WHEEL.typical) },
          fixes: [fix],
        });
      } else if (gpu.cpuPackage) {
        const wheel = getPackageRelease(gpu.name)?.wheels.filter((w) => w.platformTag.includes('x86_64')).map((w) => w.bytes);
        const fix: Fix = { title: `Use \`${gpu.cpuPackage}\``, applicability: 'unsafe', edits: [{ range: r.nameRange, newText: gpu.cpuPackage }] };
        ctx.report({ range: r.nameRange, messageId: 'tensorflow', data: { name: r.name!, image, wheel: wheel?.length ? formatBytes(Math.max(...wheel)) : 'hundreds of MB', cpuPackage: gpu.cpuPackage }, fixes: [fix] });
      }
    }
  },
});

/** The installing stage builds for Linux x86_64 (its platform, from the semantic layer) on a base with no GPU stack. */
function cpuOnly(i: Installer, options: SemanticOptions): boolean {
  if (!i.stage) return false;
  const sem = semanticsOf(i.dockerfile, options);
  const facts = sem.stage(i.stage);
  if (facts.lineage.some((s) => GPU_IMAGE.test(s.from.image))) return false;
  if (facts.platform.os !== 'linux' || facts.platform.machine !== 'x86_64') return false;
  // musl has no CUDA wheels at all (LW112 reports the source build instead).
  if ((facts.python?.libc ?? facts.image.libc) === 'musl') return false;
  const env = sem.instr(i.install.instr).env;
  return !env.has('NVIDIA_VISIBLE_DEVICES') && !env.has('CUDA_VERSION') && !env.has('TORCH_CUDA_ARCH_LIST');
}
