export { buildCsr, csrOf, degreeOf, type Csr, type CsrOptions } from './csr.js';
export { componentLabels, connectedComponents, type Component, type Components } from './components.js';
export { coreNumbers, coreNumbersCsr, kCore } from './k-core.js';
export {
  articulationPoints,
  bridges,
  cutStructure,
  cutStructureCsr,
  type CutStructure,
  type CutStructureIndexed,
} from './cut-points.js';
export { brokers, type Broker, type BrokersOptions } from './brokers.js';
