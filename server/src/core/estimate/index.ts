// The size estimator's public surface: estimate an image, format bytes, measure context listings.
export { estimateImage, type EstimateInput } from './estimate';
export { formatBytes, formatE, parseSize, add, exact, ZERO } from './bytes';
export { summarizeContext, memoryContext, sourceMatcher, type ContextFile } from './context';
export type * from './types';
