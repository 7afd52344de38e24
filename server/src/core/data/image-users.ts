// The user a base image runs as when the Dockerfile sets no USER: root for most images, a fixed non-root user for a few.
import type { Sourced } from './provenance';

export interface ImageUser extends Sourced {
  /** Repository as FROM names it (official images without `docker.io/library/`); a trailing `/` matches every repository under it. */
  readonly repository: string;
  /** Only tags this matches (omitted: every tag, no tag and `latest`). */
  readonly tags?: RegExp;
  /** The user the image's configuration names (`root` when it sets none). */
  readonly user: string;
  readonly root: boolean;
  /** The command that creates a system user in the image, for the fix (omitted: no shell, or not known). */
  readonly addUser?: 'useradd' | 'adduser';
}

const OFFICIAL = 'the image\'s Dockerfile on Docker Hub (docker-library): no USER line, so the container user is root';
const AS_OF = '2026-12-01';

/** First match wins: the specific rows (a tag pattern) come before their repository's general row. */
export const IMAGE_USERS: readonly ImageUser[] = [
  // Official images the Python images and most Python Dockerfiles are built on.
  { repository: 'python', tags: /alpine/, user: 'root', root: true, addUser: 'adduser', source: OFFICIAL, asOf: AS_OF },
  { repository: 'python', user: 'root', root: true, addUser: 'useradd', source: OFFICIAL, asOf: AS_OF },
  { repository: 'debian', user: 'root', root: true, addUser: 'useradd', source: OFFICIAL, asOf: AS_OF },
  { repository: 'ubuntu', user: 'root', root: true, addUser: 'useradd', source: OFFICIAL, asOf: AS_OF },
  { repository: 'alpine', user: 'root', root: true, addUser: 'adduser', source: OFFICIAL, asOf: AS_OF },
  { repository: 'buildpack-deps', user: 'root', root: true, addUser: 'useradd', source: OFFICIAL, asOf: AS_OF },
  { repository: 'busybox', user: 'root', root: true, source: OFFICIAL, asOf: AS_OF },
  { repository: 'centos', user: 'root', root: true, source: OFFICIAL, asOf: AS_OF },
  { repository: 'fedora', user: 'root', root: true, source: OFFICIAL, asOf: AS_OF },
  { repository: 'rockylinux', user: 'root', root: true, source: OFFICIAL, asOf: AS_OF },
  { repository: 'almalinux', user: 'root', root: true, source: OFFICIAL, asOf: AS_OF },
  { repository: 'amazonlinux', user: 'root', root: true, source: OFFICIAL, asOf: AS_OF },
  { repository: 'node', user: 'root', root: true, source: `${OFFICIAL} (it has a \`node\` user but does not switch to it)`, asOf: AS_OF },
  // An empty image has no /etc/passwd: processes run as uid 0.
  { repository: 'scratch', user: 'root', root: true, source: 'Docker\'s documentation of `FROM scratch` (an empty image: no user database, uid 0)', asOf: AS_OF },
  // Machine-learning and conda images seen as bases of Python projects: none of them switches user.
  { repository: 'nvidia/cuda', user: 'root', root: true, addUser: 'useradd', source: 'NVIDIA\'s CUDA image Dockerfiles (gitlab.com/nvidia/container-images/cuda, Ubuntu based): no USER line', asOf: AS_OF },
  { repository: 'pytorch/pytorch', user: 'root', root: true, addUser: 'useradd', source: 'PyTorch\'s Docker image build (Ubuntu based): no USER line', asOf: AS_OF },
  { repository: 'tensorflow/tensorflow', user: 'root', root: true, addUser: 'useradd', source: 'TensorFlow\'s Docker image build (Ubuntu based): no USER line', asOf: AS_OF },
  { repository: 'continuumio/miniconda3', user: 'root', root: true, addUser: 'useradd', source: 'Anaconda\'s miniconda3 image Dockerfile (Debian based): no USER line', asOf: AS_OF },
  { repository: 'continuumio/anaconda3', user: 'root', root: true, addUser: 'useradd', source: 'Anaconda\'s anaconda3 image Dockerfile (Debian based): no USER line', asOf: AS_OF },
  { repository: 'condaforge/miniforge3', user: 'root', root: true, addUser: 'useradd', source: 'conda-forge\'s miniforge3 image Dockerfile (Ubuntu based): no USER line', asOf: AS_OF },
  { repository: 'condaforge/mambaforge', user: 'root', root: true, addUser: 'useradd', source: 'conda-forge\'s mambaforge image Dockerfile (Ubuntu based): no USER line', asOf: AS_OF },
  { repository: 'tiangolo/', user: 'root', root: true, addUser: 'useradd', source: 'the tiangolo/uvicorn-gunicorn* image Dockerfiles (built on the official python images): no USER line', asOf: AS_OF },
  // uv's images: the plain ones are `FROM scratch` with the uv binary; the others are built on python, debian or alpine.
  { repository: 'ghcr.io/astral-sh/uv', tags: /alpine/, user: 'root', root: true, addUser: 'adduser', source: 'uv\'s Docker image build (docs.astral.sh/uv, "Using uv in Docker"): no USER line', asOf: AS_OF },
  { repository: 'ghcr.io/astral-sh/uv', tags: /bookworm|trixie|bullseye|slim|debian/, user: 'root', root: true, addUser: 'useradd', source: 'uv\'s Docker image build (docs.astral.sh/uv, "Using uv in Docker"): no USER line', asOf: AS_OF },
  { repository: 'ghcr.io/astral-sh/uv', user: 'root', root: true, source: 'uv\'s Docker image build (docs.astral.sh/uv, "Using uv in Docker"): built from scratch, no USER line', asOf: AS_OF },
  // Images that switch to a non-root user themselves.
  { repository: 'gcr.io/distroless/', tags: /nonroot/, user: 'nonroot (65532)', root: false, source: 'GoogleContainerTools/distroless README: the `:nonroot` tags run as uid 65532', asOf: AS_OF },
  { repository: 'gcr.io/distroless/', user: 'root', root: true, source: 'GoogleContainerTools/distroless README: tags without `nonroot` run as root', asOf: AS_OF },
  { repository: 'cgr.dev/chainguard/', user: 'nonroot (65532)', root: false, source: 'Chainguard Academy, "How to port a sample application to Chainguard Containers": the images run as a non-root user', asOf: AS_OF },
  { repository: 'bitnami/', user: 'non-root (1001)', root: false, source: 'Bitnami\'s documentation, "Why non-root containers are important for security": its images run as uid 1001', asOf: AS_OF },
  { repository: 'mambaorg/micromamba', user: 'mambauser', root: false, source: 'the micromamba-docker README: the image runs as `mambauser`', asOf: AS_OF },
  { repository: 'jupyter/', user: 'jovyan (1000)', root: false, source: 'Jupyter Docker Stacks documentation: the images run as `jovyan`', asOf: AS_OF },
  { repository: 'quay.io/jupyter/', user: 'jovyan (1000)', root: false, source: 'Jupyter Docker Stacks documentation: the images run as `jovyan`', asOf: AS_OF },
  { repository: 'apache/airflow', user: 'airflow (50000)', root: false, source: 'Apache Airflow\'s Docker image documentation: the image runs as `airflow` (uid 50000)', asOf: AS_OF },
];

/** Windows images (no root user: their accounts are ContainerAdministrator and ContainerUser), by repository or tag. */
export function isWindowsImage(repository: string, tag: string | undefined): boolean {
  const last = repository.toLowerCase().split('/').pop() ?? '';
  return ['windows', 'windowsservercore', 'nanoserver', 'servercore', 'server'].includes(last) && /(^|\/)windows|windowsservercore|nanoserver/.test(repository.toLowerCase())
    || /windowsservercore|nanoserver|(^|-)ltsc20\d\d/.test((tag ?? '').toLowerCase());
}

/** The user a base image runs as, or undefined when Layerwise does not know the image. */
export function imageUser(repository: string, tag: string | undefined): ImageUser | undefined {
  const repo = repository.toLowerCase().replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
  const t = tag ?? 'latest';
  return IMAGE_USERS.find((r) => (r.repository.endsWith('/') ? repo.startsWith(r.repository) : repo === r.repository) && (!r.tags || r.tags.test(t)));
}
